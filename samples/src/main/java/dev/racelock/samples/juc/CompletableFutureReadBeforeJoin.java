package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;

/** Bug: {@code scaled} is read before {@code join}. Fix: {@link CompletableFutureHandOff}. */
// requires juc
public final class CompletableFutureReadBeforeJoin {
    static int raw;
    static int scaled;

    public static void main(String[] args) {
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> raw = 21)
                .thenApplyAsync(r -> scaled = raw * 2); // expect race(write, CompletableFutureReadBeforeJoin.scaled)
        int early = scaled; // expect race(read, CompletableFutureReadBeforeJoin.scaled)
        result.join();
        System.out.println(early + " " + raw);
    }
}
