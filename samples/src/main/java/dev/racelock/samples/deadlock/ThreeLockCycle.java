package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

/**
 * Bug: three threads, each taking two of three locks: A then B, B then C, C then A. No two
 * threads conflict on their own, yet together the orders form the cycle A, B, C, A: run at the
 * same time, each can hold its first lock while waiting for the next thread's. Batons run the
 * three one after the other, so this run never hangs.
 * Fix: {@link dev.racelock.samples.nodeadlock.ThreeLocksInOneOrder}.
 */
// requires object-names
public final class ThreeLockCycle {

    static final Object A = new Object();
    static final Object B = new Object();
    static final Object C = new Object();

    public static void main(String[] args) throws InterruptedException {
        Baton firstDone = new Baton();
        Baton secondDone = new Baton();
        Thread first = new Thread(() -> {
            synchronized (A) { // expect deadlock(ThreeLockCycle.A)
                synchronized (B) { // expect deadlock(ThreeLockCycle.B)
                    System.out.println("first: A then B");
                }
            }
            firstDone.pass();
        }, "a-then-b");
        Thread second = new Thread(() -> {
            firstDone.await();
            synchronized (B) { // expect deadlock(ThreeLockCycle.B)
                synchronized (C) { // expect deadlock(ThreeLockCycle.C)
                    System.out.println("second: B then C");
                }
            }
            secondDone.pass();
        }, "b-then-c");
        Thread third = new Thread(() -> {
            secondDone.await();
            synchronized (C) { // expect deadlock(ThreeLockCycle.C)
                synchronized (A) { // expect deadlock(ThreeLockCycle.A)
                    System.out.println("third: C then A");
                }
            }
        }, "c-then-a");
        first.start();
        second.start();
        third.start();
        first.join();
        second.join();
        third.join();
    }
}
