package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A future created empty and completed by {@code completeAsync} (with the default pool and with
 * an executor): the supplier reads {@code input}, written before the call, and writes its own
 * detail; the caller reads the details after {@code join}. Twin:
 * {@link CompletableFutureCompleteAsyncReadEarly}.
 */
// requires juc
// expect none
public final class CompletableFutureCompleteAsync {
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
                onExecutor = "on executor " + input;
                return input * 3;
            }, executor);
            int sum = first.join() + second.join();
            System.out.println(sum + " " + pooled + ", " + onExecutor);
        } finally {
            executor.shutdown();
        }
    }
}
