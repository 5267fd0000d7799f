package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Bug: {@link TwoMonitorsOppositeOrder} with {@link ReentrantLock}s: {@code lock()} blocks just
 * like {@code synchronized}, so opposite orders can deadlock. Needs racelock's
 * java.util.concurrent.locks hooks.
 * Fix: {@link dev.racelock.samples.nodeadlock.TryLockInverse}.
 */
// requires juc-locks
public final class TwoReentrantLocksOppositeOrder {

    static final ReentrantLock A = new ReentrantLock();
    static final ReentrantLock B = new ReentrantLock();

    public static void main(String[] args) throws InterruptedException {
        Baton firstDone = new Baton();
        Thread first = new Thread(() -> {
            A.lock(); // expect deadlock(TwoReentrantLocksOppositeOrder.A)
            try {
                B.lock(); // expect deadlock(TwoReentrantLocksOppositeOrder.B)
                try {
                    System.out.println("first: A then B");
                } finally {
                    B.unlock();
                }
            } finally {
                A.unlock();
            }
            firstDone.pass();
        }, "a-then-b");
        Thread second = new Thread(() -> {
            firstDone.await();
            B.lock(); // expect deadlock(TwoReentrantLocksOppositeOrder.B)
            try {
                A.lock(); // expect deadlock(TwoReentrantLocksOppositeOrder.A)
                try {
                    System.out.println("second: B then A");
                } finally {
                    A.unlock();
                }
            } finally {
                B.unlock();
            }
        }, "b-then-a");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
