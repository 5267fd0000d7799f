package dev.racelock.samples.nodeadlock;

import dev.racelock.samples.Baton;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Twin of {@link dev.racelock.samples.deadlock.TwoReentrantLocksOppositeOrder}: the second thread
 * takes the inverse order with {@code tryLock()}, which never blocks; when it fails, the thread
 * backs off and releases what it holds, so it cannot wait in a cycle. Needs racelock's
 * java.util.concurrent.locks hooks.
 */
// requires juc-locks
// expect none
public final class TryLockInverse {

    static final ReentrantLock A = new ReentrantLock();
    static final ReentrantLock B = new ReentrantLock();

    public static void main(String[] args) throws InterruptedException {
        Baton firstDone = new Baton();
        Thread first = new Thread(() -> {
            A.lock();
            try {
                B.lock();
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
            B.lock();
            try {
                if (A.tryLock()) {
                    try {
                        System.out.println("second: B then A, by tryLock");
                    } finally {
                        A.unlock();
                    }
                } else {
                    System.out.println("second: backed off");
                }
            } finally {
                B.unlock();
            }
        }, "b-then-try-a");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
