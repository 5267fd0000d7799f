package dev.racelock.samples.juc;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Bug: the right worker stores its result without reporting through the updater, and the main
 * thread, having seen the left worker's increment, reads both results.
 * Fix: {@link FieldUpdaterHandOff}.
 */
// requires atomics
public final class FieldUpdaterReadTooEarly {
    static final AtomicIntegerFieldUpdater<FieldUpdaterReadTooEarly> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterReadTooEarly.class, "finished");
    volatile int finished;
    int left;
    int right;

    public static void main(String[] args) throws InterruptedException {
        FieldUpdaterReadTooEarly job = new FieldUpdaterReadTooEarly();
        Thread left = new Thread(() -> {
            job.left = 1;
            FINISHED.incrementAndGet(job);
        }, "left");
        left.start();
        Thread right = new Thread(() -> job.right = 2, "right"); // expect race(write, FieldUpdaterReadTooEarly.right)
        right.start();
        while (FINISHED.get(job) < 1) {
            Thread.onSpinWait();
        }
        System.out.println("sum " + (job.left + job.right)); // expect race(read, FieldUpdaterReadTooEarly.right)
    }
}
