package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bug: the main thread sets the task's {@code limit} after scheduling it; the scheduling orders
 * only what came before it ahead of the runs (and each run ahead of the next), so the runs read a
 * limit nothing orders after the write. Fix: {@link PeriodicTaskRuns} (configure, then schedule).
 */
// requires juc
public final class PeriodicTaskConfiguredAfterSchedule {
    static int limit;

    public static void main(String[] args) throws InterruptedException {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2);
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> task = pool.scheduleAtFixedRate(() -> {
            if (limit >= 0) { // expect race(read, PeriodicTaskConfiguredAfterSchedule.limit)
                ran.countDown();
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        limit = 10; // expect race(write, PeriodicTaskConfiguredAfterSchedule.limit)
        ran.await();
        task.cancel(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }
}
