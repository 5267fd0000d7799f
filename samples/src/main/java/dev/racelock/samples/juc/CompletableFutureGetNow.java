package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The common correct use of {@code getNow}: wait until {@code isDone()}, then take the value with
 * {@code getNow(default)}. The value came from the completed future, so what its task wrote
 * before returning it is visible, as after {@code join}. Twin: {@link CompletableFutureGetNowDefault}.
 */
// requires juc
// expect none
public final class CompletableFutureGetNow {
    static int input;
    static String detail;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        try {
            input = 7;
            CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
                detail = "computed from " + input;
                return input * 6;
            }, executor);
            while (!future.isDone()) {
                Thread.onSpinWait(); // polls instead of blocking: no hand-off until getNow
            }
            int answer = future.getNow(-1);
            System.out.println(answer + " " + detail);
        } finally {
            executor.shutdown();
        }
    }
}
