package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: the main thread reads what a recovery (exceptionallyAsync, on an executor) and a stage
 * returned by exceptionallyCompose write before joining the recovered stage: registering a
 * recovery orders nothing after it. Fix: {@link CompletableFutureRecoveries}.
 */
// requires juc
public final class CompletableFutureRecoveryReadEarly {
    static int recovered;
    static int composed;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        CountDownLatch failNow = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> source = CompletableFuture.supplyAsync(() -> {
                try {
                    failNow.await(); // fails only after both recoveries are registered
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("no value");
            }, executor);
            CompletableFuture<Integer> first = source.exceptionallyAsync(e -> {
                recovered = 1; // expect race(write, CompletableFutureRecoveryReadEarly.recovered)
                return 1;
            }, executor);
            CompletionStage<Integer> second = ((CompletionStage<Integer>) source).exceptionallyCompose(
                    e -> CompletableFuture.supplyAsync(() -> {
                        composed = 2; // expect race(write, CompletableFutureRecoveryReadEarly.composed)
                        return 2;
                    }, executor));
            failNow.countDown();
            int early = recovered; // expect race(read, CompletableFutureRecoveryReadEarly.recovered)
            early += composed; // expect race(read, CompletableFutureRecoveryReadEarly.composed)
            System.out.println(early + " " + first.join() + " " + second.toCompletableFuture().join());
        } finally {
            executor.shutdown();
        }
    }
}
