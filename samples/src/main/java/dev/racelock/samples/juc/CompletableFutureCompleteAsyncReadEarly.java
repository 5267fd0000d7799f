package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: {@link CompletableFutureCompleteAsync} reading the executor's detail before joining
 * {@code second}, so nothing orders the supplier's write before the read.
 */
// requires juc
public final class CompletableFutureCompleteAsyncReadEarly {
    static int input;
    static String pooled;
    static String onExecutor;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        try {
            input = 7;
            CompletableFuture<Integer> first = new CompletableFuture<Integer>().completeAsync(() -> {
                pooled = "pooled " + input;
                return input * 2;
            });
            CompletableFuture<Integer> second = new CompletableFuture<Integer>().completeAsync(() -> {
                onExecutor = "on executor " + input; // expect race(write, CompletableFutureCompleteAsyncReadEarly.onExecutor)
                return input * 3;
            }, executor);
            String early = onExecutor; // expect race(read, CompletableFutureCompleteAsyncReadEarly.onExecutor)
            int sum = first.join() + second.join();
            System.out.println(sum + " " + pooled + ", read early: " + (early != null));
        } finally {
            executor.shutdown();
        }
    }
}
