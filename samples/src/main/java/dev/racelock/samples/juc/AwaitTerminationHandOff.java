package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tasks given to {@code execute} write their own slot of {@code totals}; the main thread reads
 * them once {@code awaitTermination} returned true, which every task's end happens-before.
 * Twin: {@link AwaitTerminationSkipped}.
 */
// requires juc
// expect none
public final class AwaitTerminationHandOff {
    static final long[] totals = new long[4];

    public static void main(String[] args) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        for (int i = 0; i < totals.length; i++) {
            int slot = i;
            executor.execute(() -> totals[slot] = slot * 10L);
        }
        executor.shutdown();
        if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
            long sum = 0;
            for (long t : totals) {
                sum += t;
            }
            System.out.println("sum " + sum);
        }
    }
}
