package dev.racelock.samples.race;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Bug: the writer holds the {@link ReentrantLock} {@code LOCK}, the reader synchronizes on the
 * same object. They are two locks (JLS 17.1: every object has a monitor; a ReentrantLock is
 * another lock, implemented in the object's state), so nothing orders the two accesses.
 * Fix: {@link dev.racelock.samples.norace.ReentrantLockOnBothSides}.
 */
// requires juc-locks
public final class ReentrantLockAndItsMonitor {

    static final ReentrantLock LOCK = new ReentrantLock();

    static int balance;

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread writer = new Thread(() -> {
            LOCK.lock();
            try {
                balance = 100; // expect race(write, ReentrantLockAndItsMonitor.balance)
            } finally {
                LOCK.unlock();
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            synchronized (LOCK) {
                seen[0] = balance; // expect race(read, ReentrantLockAndItsMonitor.balance)
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
