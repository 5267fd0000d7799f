package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: the callback depends on {@code a} only (thenAccept) but reads {@code right}, which
 * {@code b} writes: nothing orders b before it. Fix: {@link CompletableFutureAcceptBoth}.
 */
// requires juc
public final class CompletableFutureAcceptOne {
    static int left;
    static int right;
    static int sum;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> left = 20, executor);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
                right = 22; // expect race(write, CompletableFutureAcceptOne.right)
                return 22;
            }, executor);
            a.thenAccept(x -> sum = left + right).join(); // expect race(read, CompletableFutureAcceptOne.right)
            System.out.println("sum " + sum);
            b.join();
        } finally {
            executor.shutdown();
        }
    }
}
