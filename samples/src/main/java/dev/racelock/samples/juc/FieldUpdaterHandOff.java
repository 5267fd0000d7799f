package dev.racelock.samples.juc;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Workers record their result and then increment {@code finished} through a field updater;
 * the main thread reads the results once it has seen every increment (a read-modify-write
 * releases and acquires the field). Twin: {@link FieldUpdaterReadTooEarly}.
 */
// requires atomics
// expect none
public final class FieldUpdaterHandOff {
    static final AtomicIntegerFieldUpdater<FieldUpdaterHandOff> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterHandOff.class, "finished");
    volatile int finished;
    int left;
    int right;

    public static void main(String[] args) {
        FieldUpdaterHandOff job = new FieldUpdaterHandOff();
        new Thread(() -> {
            job.left = 1;
            FINISHED.incrementAndGet(job);
        }, "left").start();
        new Thread(() -> {
            job.right = 2;
            FINISHED.incrementAndGet(job);
        }, "right").start();
        while (job.finished < 2) {
            Thread.onSpinWait();
        }
        System.out.println("sum " + (job.left + job.right));
    }
}
