package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bug: the main thread reads what the task wrote right after {@code shutdown} of a single-thread
 * executor, which does not wait for the task; only a successful {@code awaitTermination} would
 * order it. Fix: {@link SingleThreadExecutorTermination}.
 */
// requires juc
public final class SingleThreadExecutorReadEarly {
    static long total;

    public static void main(String[] args) throws InterruptedException {
        ExecutorService single = Executors.newSingleThreadExecutor();
        single.execute(() -> total = 42); // expect race(write, SingleThreadExecutorReadEarly.total)
        single.shutdown();
        long early = total; // expect race(read, SingleThreadExecutorReadEarly.total)
        single.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("early " + early);
    }
}
