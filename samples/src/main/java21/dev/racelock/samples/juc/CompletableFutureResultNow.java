package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JDK 19+ (compiled separately: src/main/java21). Wait until a future is done, then take its
 * result with {@code resultNow()} (a CompletableFuture) or its exception with
 * {@code exceptionNow()} (an executor's Future): each returns only for a completed future, so
 * what the task wrote is visible after it, as after {@code get}. Twin:
 * {@link CompletableFutureResultNowNotDone}.
 */
// requires juc
// expect none
public final class CompletableFutureResultNow {
    static int input;
    static String detail;
    static String failure;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            input = 7;
            CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
                detail = "computed from " + input;
                return input * 6;
            }, executor);
            Future<Integer> failing = executor.submit(() -> {
                failure = "gave up on " + input;
                throw new IllegalStateException("no value");
            });
            while (!future.isDone() || !failing.isDone()) {
                Thread.onSpinWait(); // polls instead of blocking: no hand-off until resultNow/exceptionNow
            }
            int answer = future.resultNow();
            Throwable cause = failing.exceptionNow();
            System.out.println(answer + " " + detail + " " + cause.getMessage() + " " + failure);
        } finally {
            executor.shutdown();
        }
    }
}
