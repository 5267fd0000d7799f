package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;

/**
 * Stages joined by thenCompose, thenCombine and allOf: each side effect is read after joining a
 * stage that depends on the stage that wrote it. Twin: {@link CompletableFutureAllOfIncomplete}.
 */
// requires juc
// expect none
public final class CompletableFutureCombinators {
    static int price;
    static int tax;
    static int audit;

    public static void main(String[] args) {
        CompletableFuture<Integer> priced = CompletableFuture.supplyAsync(() -> price = 100)
                .thenCompose(p -> CompletableFuture.supplyAsync(() -> tax = p / 10));
        CompletableFuture<Integer> total = priced.thenCombine(
                CompletableFuture.supplyAsync(() -> 5), (t, fee) -> price + t + fee);
        CompletableFuture<Void> audited = CompletableFuture.runAsync(() -> audit = 1);
        CompletableFuture.allOf(total, audited).join();
        System.out.println(price + " " + tax + " " + audit + " " + total.join());
    }
}
