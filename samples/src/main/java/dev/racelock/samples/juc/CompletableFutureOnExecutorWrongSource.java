package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: callbacks given to an executor (thenRunAsync, handleAsync, and thenAcceptAsync through
 * the CompletionStage interface) depend on {@code a} only but read what {@code b} writes, and
 * {@code b} cannot finish before the main thread opens its gate at the end: nothing orders b's
 * writes before them. Fix: {@link CompletableFutureOnExecutor} (depend on both).
 */
// requires juc
public final class CompletableFutureOnExecutorWrongSource {
    static int slowRun;
    static int slowHandle;
    static int slowStage;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> 20, executor);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
                slowRun = 1; // expect race(write, CompletableFutureOnExecutorWrongSource.slowRun)
                slowHandle = 2; // expect race(write, CompletableFutureOnExecutorWrongSource.slowHandle)
                slowStage = 3; // expect race(write, CompletableFutureOnExecutorWrongSource.slowStage)
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 22;
            }, executor);
            int[] seen = new int[3];
            a.thenRunAsync(() -> {
                seen[0] = slowRun; // expect race(read, CompletableFutureOnExecutorWrongSource.slowRun)
            }, executor).join();
            seen[1] = a.handleAsync((v, e) -> {
                return slowHandle; // expect race(read, CompletableFutureOnExecutorWrongSource.slowHandle)
            }, executor).join();
            CompletionStage<Integer> stage = a;
            stage.thenAcceptAsync(x -> {
                seen[2] = slowStage; // expect race(read, CompletableFutureOnExecutorWrongSource.slowStage)
            }, executor).toCompletableFuture().join();
            gate.countDown();
            System.out.println(seen[0] + seen[1] + seen[2] + b.join());
        } finally {
            executor.shutdown();
        }
    }
}
