package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code newSingleThreadExecutor()} and {@code newSingleThreadScheduledExecutor()} return a view
 * that delegates to a pool; once {@code awaitTermination} on the view returned true, every task's
 * actions happen-before what follows (ExecutorService memory-consistency note), as for the pool
 * itself. Twin: {@link SingleThreadExecutorReadEarly}.
 */
// requires juc
// expect none
public final class SingleThreadExecutorTermination {
    static long total;
    static long ticks;

    public static void main(String[] args) throws InterruptedException {
        ExecutorService single = Executors.newSingleThreadExecutor();
        for (int i = 1; i <= 3; i++) {
            long amount = i;
            single.execute(() -> total += amount);
        }
        single.shutdown();
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor();
        scheduled.schedule(() -> ticks = 7, 1, TimeUnit.MILLISECONDS);
        scheduled.shutdown();
        if (single.awaitTermination(1, TimeUnit.MINUTES) && scheduled.awaitTermination(1, TimeUnit.MINUTES)) {
            System.out.println("total " + total + ", ticks " + ticks);
        }
    }
}
