package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

/**
 * Bug: one thread takes monitor {@code A} then {@code B}, another {@code B} then {@code A}. This
 * run never hangs, because a {@link Baton} makes the second thread wait until the first is done;
 * but nothing in the code prevents the two from overlapping, and then each holds the lock the
 * other needs: a potential deadlock.
 * Fix: {@link dev.racelock.samples.nodeadlock.ConsistentLockOrder} (or a gate lock, or ordering
 * the threads by join: see the other nodeadlock samples).
 */
// requires object-names
public final class TwoMonitorsOppositeOrder {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Baton firstDone = new Baton();
        Thread first = new Thread(() -> {
            synchronized (A) { // expect deadlock(TwoMonitorsOppositeOrder.A)
                synchronized (B) { // expect deadlock(TwoMonitorsOppositeOrder.B)
                    System.out.println("first: A then B");
                }
            }
            firstDone.pass();
        }, "a-then-b");
        Thread second = new Thread(() -> {
            firstDone.await();
            synchronized (B) { // expect deadlock(TwoMonitorsOppositeOrder.B)
                synchronized (A) { // expect deadlock(TwoMonitorsOppositeOrder.A)
                    System.out.println("second: B then A");
                }
            }
        }, "b-then-a");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
