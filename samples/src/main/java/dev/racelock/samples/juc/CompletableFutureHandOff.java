package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;

/**
 * A supplyAsync stage writes {@code raw}; a dependent thenApplyAsync stage reads it and writes
 * {@code scaled}; the main thread reads both after {@code join}. Stages are ordered after the
 * stages they depend on, and join after the stage's completion. (thenApplyAsync: the twin needs
 * the dependent stage in another thread; a plain thenApply may run in the caller.)
 * Twin: {@link CompletableFutureReadBeforeJoin}.
 */
// requires juc
// expect none
public final class CompletableFutureHandOff {
    static int raw;
    static int scaled;

    public static void main(String[] args) {
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> raw = 21)
                .thenApplyAsync(r -> scaled = raw * 2);
        int value = result.join();
        System.out.println(raw + " " + scaled + " " + value);
    }
}
