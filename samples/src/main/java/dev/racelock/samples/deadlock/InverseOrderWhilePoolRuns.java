package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bug: a pool's task takes {@code A} then {@code B}, and a thread started while the pool still
 * runs takes {@code B} then {@code A}. This run never hangs, because a {@link Baton} makes the
 * thread wait until the task is done; but nothing in the code orders the two, and when they
 * overlap each holds the lock the other needs.
 * Fix: {@link dev.racelock.samples.nodeadlock.InverseOrderAfterPoolTerminated} (start the thread
 * once {@code awaitTermination} returned true).
 */
// requires object-names, juc
public final class InverseOrderWhilePoolRuns {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Baton taskDone = new Baton();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.execute(() -> {
            synchronized (A) { // expect deadlock(InverseOrderWhilePoolRuns.A)
                synchronized (B) { // expect deadlock(InverseOrderWhilePoolRuns.B)
                    System.out.println("task: A then B");
                }
            }
            taskDone.pass();
        });
        Thread inverse = new Thread(() -> {
            taskDone.await();
            synchronized (B) { // expect deadlock(InverseOrderWhilePoolRuns.B)
                synchronized (A) { // expect deadlock(InverseOrderWhilePoolRuns.A)
                    System.out.println("thread: B then A");
                }
            }
        }, "b-then-a");
        inverse.start();
        inverse.join();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }
}
