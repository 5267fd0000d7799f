package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: callbacks of the Async either forms read what the source that has not completed writes
 * (it waits for the gate the main thread opens at the end): an either callback is ordered after
 * the source that completed only. Fix: {@link CompletableFutureEitherAsync}.
 */
// requires juc
public final class CompletableFutureEitherAsyncStillRunning {
    static int slowApply;
    static int slowAccept;
    static int slowRun;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> 1, executor);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
                slowApply = 2; // expect race(write, CompletableFutureEitherAsyncStillRunning.slowApply)
                slowAccept = 3; // expect race(write, CompletableFutureEitherAsyncStillRunning.slowAccept)
                slowRun = 4; // expect race(write, CompletableFutureEitherAsyncStillRunning.slowRun)
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 5;
            }, executor);
            int[] seen = new int[3];
            seen[0] = first.applyToEitherAsync(second, x -> {
                return slowApply; // expect race(read, CompletableFutureEitherAsyncStillRunning.slowApply)
            }).join();
            first.acceptEitherAsync(second, x -> {
                seen[1] = slowAccept; // expect race(read, CompletableFutureEitherAsyncStillRunning.slowAccept)
            }, executor).join();
            CompletionStage<Integer> stage = first;
            stage.runAfterEitherAsync(second, () -> {
                seen[2] = slowRun; // expect race(read, CompletableFutureEitherAsyncStillRunning.slowRun)
            }, executor).toCompletableFuture().join();
            gate.countDown();
            System.out.println(seen[0] + seen[1] + seen[2] + second.join());
        } finally {
            executor.shutdown();
        }
    }
}
