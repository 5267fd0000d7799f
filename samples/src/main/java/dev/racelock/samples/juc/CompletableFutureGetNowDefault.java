package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: {@code getNow} returned the default (the task waits for a gate the main thread opens only
 * later), yet the main thread goes on to read what the task writes: a default value orders
 * nothing. Fix: {@link CompletableFutureGetNow} (wait until done, or join).
 */
// requires juc
public final class CompletableFutureGetNowDefault {
    static String detail;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
                detail = "computed"; // expect race(write, CompletableFutureGetNowDefault.detail)
                try {
                    gate.await(); // cannot complete before the main thread lets it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42;
            }, executor);
            int answer = future.getNow(-1);
            String seen = detail; // expect race(read, CompletableFutureGetNowDefault.detail)
            gate.countDown();
            System.out.println(answer + " " + seen + " " + future.join());
        } finally {
            executor.shutdown();
        }
    }
}
