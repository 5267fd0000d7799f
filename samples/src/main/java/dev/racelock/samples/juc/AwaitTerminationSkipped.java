package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bug: the main thread reads the task's result right after {@code shutdown}, which does not
 * wait for running tasks. Fix: {@link AwaitTerminationHandOff}.
 */
// requires juc
public final class AwaitTerminationSkipped {
    static long total;

    public static void main(String[] args) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        executor.execute(() -> total = 42); // expect race(write, AwaitTerminationSkipped.total)
        executor.shutdown();
        long early = total; // expect race(read, AwaitTerminationSkipped.total)
        executor.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("early " + early);
    }
}
