package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;

/**
 * Bug: the audit stage is left out of allOf, so joining allOf does not order its write before
 * the read. Fix: {@link CompletableFutureCombinators}.
 */
// requires juc
public final class CompletableFutureAllOfIncomplete {
    static int price;
    static int audit;

    public static void main(String[] args) {
        CompletableFuture<Integer> priced = CompletableFuture.supplyAsync(() -> price = 100);
        CompletableFuture<Void> audited = CompletableFuture.runAsync(() -> audit = 1); // expect race(write, CompletableFutureAllOfIncomplete.audit)
        CompletableFuture.allOf(priced).join();
        System.out.println(price + " " + audit); // expect race(read, CompletableFutureAllOfIncomplete.audit)
        audited.join();
    }
}
