package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: after anyOf's join the main thread reads {@code slow}, written by the source that has not
 * completed (it waits for the gate the main thread opens later): anyOf orders only the source
 * that completed. Fix: {@link CompletableFutureAnyOf}.
 */
// requires juc
public final class CompletableFutureAnyOfStillRunning {
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
                slow = 2; // expect race(write, CompletableFutureAnyOfStillRunning.slow)
                try {
                    gate.await(); // cannot complete before the main thread lets it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }, executor);
            Object winner = CompletableFuture.anyOf(first, second).join();
            int seen = slow; // expect race(read, CompletableFutureAnyOfStillRunning.slow)
            gate.countDown();
            second.join();
            System.out.println(winner + " " + seen + " " + slow);
        } finally {
            executor.shutdown();
        }
    }
}
