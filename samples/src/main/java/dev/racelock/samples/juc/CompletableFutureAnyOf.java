package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * anyOf completes with the first of its sources: after {@code join} the main thread reads what
 * that source wrote ({@code fast}); the other source cannot have completed (it waits for the
 * gate), and its write of {@code slow} is read only after {@code second.join()}: no race. Twin:
 * {@link CompletableFutureAnyOfStillRunning}.
 */
// requires juc
// expect none
public final class CompletableFutureAnyOf {
    static int fast;
    static int slow;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                fast = 1;
                return "fast";
            }, executor);
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
                slow = 2;
                try {
                    gate.await(); // cannot complete before the main thread lets it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }, executor);
            Object winner = CompletableFuture.anyOf(first, second).join();
            int seen = fast;
            gate.countDown();
            second.join();
            System.out.println(winner + " " + seen + " " + slow);
        } finally {
            executor.shutdown();
        }
    }
}
