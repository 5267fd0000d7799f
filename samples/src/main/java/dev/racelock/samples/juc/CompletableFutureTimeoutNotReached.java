package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * orTimeout and completeOnTimeout with timeouts that are not reached: the tasks complete the
 * futures, and join orders what they wrote before the main thread's reads as without a timeout
 * (the timeouts themselves record nothing). Twin: {@link CompletableFutureCompleteOnTimeoutCaller}.
 */
// requires juc
// expect none
public final class CompletableFutureTimeoutNotReached {
    static String detail;
    static String fallbackDetail;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> timed = CompletableFuture.supplyAsync(() -> {
                detail = "computed";
                return 42;
            }, executor).orTimeout(10, TimeUnit.MINUTES);
            CompletableFuture<Integer> defaulted = CompletableFuture.supplyAsync(() -> {
                fallbackDetail = "computed too";
                return 7;
            }, executor).completeOnTimeout(-1, 10, TimeUnit.MINUTES);
            System.out.println(timed.join() + " " + detail + " " + defaulted.join() + " " + fallbackDetail);
        } finally {
            executor.shutdown();
        }
    }
}
