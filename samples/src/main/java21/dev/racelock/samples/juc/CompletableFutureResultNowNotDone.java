package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * JDK 19+ (compiled separately: src/main/java21). Bug: {@code resultNow()} threw (the task waits
 * for a gate the main thread opens only later), yet the main thread goes on to read what the task
 * writes: a resultNow that throws orders nothing. Fix: {@link CompletableFutureResultNow}.
 */
// requires juc
public final class CompletableFutureResultNowNotDone {
    static String detail;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
                detail = "computed"; // expect race(write, CompletableFutureResultNowNotDone.detail)
                try {
                    gate.await(); // cannot complete before the main thread lets it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42;
            }, executor);
            int answer;
            try {
                answer = future.resultNow();
            } catch (IllegalStateException notDone) {
                answer = -1;
            }
            String seen = detail; // expect race(read, CompletableFutureResultNowNotDone.detail)
            gate.countDown();
            System.out.println(answer + " " + seen + " " + future.join());
        } finally {
            executor.shutdown();
        }
    }
}
