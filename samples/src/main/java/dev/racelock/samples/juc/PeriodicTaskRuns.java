package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Two periodic tasks on a pool of four threads each count their runs in a plain field: successive
 * runs of one periodic task may run on different workers, but "the effects of prior executions
 * happen-before those of subsequent ones" (ScheduledThreadPoolExecutor). The counts are read once
 * {@code awaitTermination} returned true. Twin: {@link PeriodicTaskConfiguredAfterSchedule}.
 */
// requires juc
// expect none
public final class PeriodicTaskRuns {
    static int fixedRateRuns;
    static int fixedDelayRuns;

    public static void main(String[] args) throws InterruptedException {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(4);
        CountDownLatch enough = new CountDownLatch(10);
        ScheduledFuture<?> rate = pool.scheduleAtFixedRate(() -> {
            fixedRateRuns++;
            enough.countDown();
        }, 0, 1, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> delay = pool.scheduleWithFixedDelay(() -> {
            fixedDelayRuns++;
            enough.countDown();
        }, 0, 1, TimeUnit.MILLISECONDS);
        enough.await();
        rate.cancel(false);
        delay.cancel(false);
        pool.shutdown();
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
            System.out.println("ran " + (fixedRateRuns > 0) + " " + (fixedDelayRuns > 0));
        }
    }
}
