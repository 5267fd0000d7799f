package dev.racelock.samples.nodeadlock;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Not a deadlock: a pool's task takes {@code A} then {@code B}; the thread that takes them the
 * other way round is started only after {@code awaitTermination} returned true. Every task's
 * actions happen-before that return (ExecutorService memory-consistency note), which happens-before
 * the start (JLS 17.4.5), so the two can never hold their first locks at the same time.
 * Twin: {@link dev.racelock.samples.deadlock.InverseOrderWhilePoolRuns}.
 */
// requires juc
// expect none
public final class InverseOrderAfterPoolTerminated {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.execute(() -> {
            synchronized (A) {
                synchronized (B) {
                    System.out.println("task: A then B");
                }
            }
        });
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the pool did not terminate");
        }
        Thread inverse = new Thread(() -> {
            synchronized (B) {
                synchronized (A) {
                    System.out.println("thread: B then A");
                }
            }
        }, "b-then-a");
        inverse.start();
        inverse.join();
    }
}
