package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * thenAcceptBoth's callback runs after both sources completed: it reads what each wrote, and the
 * main thread reads its result after {@code join}: no race. Twin:
 * {@link CompletableFutureAcceptOne}.
 */
// requires juc
// expect none
public final class CompletableFutureAcceptBoth {
    static int left;
    static int right;
    static int sum;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> left = 20, executor);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
                right = 22;
                return 22;
            }, executor);
            a.thenAcceptBoth(b, (x, y) -> sum = left + right).join();
            System.out.println("sum " + sum);
            b.join();
        } finally {
            executor.shutdown();
        }
    }
}
