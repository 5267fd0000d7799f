package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bug: a helper thread prepares {@code note} and sets a timeout value with completeOnTimeout,
 * but the task completes the future long before the timeout: joining it orders the task, not the
 * helper, before the main thread's read of {@code note}. (Only a value the timeout supplied
 * would come from the helper; the agent cannot tell which did and records no edge for the call.)
 * Fix: {@link CompletableFutureTimeoutNotReached} (read what the completing task wrote).
 */
// requires juc
public final class CompletableFutureCompleteOnTimeoutCaller {
    static String note;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        try {
            CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> 42, executor);
            Thread helper = new Thread(() -> {
                note = "fallback prepared"; // expect race(write, CompletableFutureCompleteOnTimeoutCaller.note)
                future.completeOnTimeout(-1, 10, TimeUnit.MINUTES);
            });
            helper.start();
            int answer = future.join();
            String seen = note; // expect race(read, CompletableFutureCompleteOnTimeoutCaller.note)
            helper.join();
            System.out.println(answer + " " + seen);
        } finally {
            executor.shutdown();
        }
    }
}
