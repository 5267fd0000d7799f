package dev.racelock.samples.norace;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Twin of {@link dev.racelock.samples.race.ReentrantLockAndItsMonitor}: writer and reader both
 * hold the {@link ReentrantLock} itself, whose unlock happens-before the next lock (Lock's
 * memory synchronization contract).
 */
// requires juc-locks
// expect none
public final class ReentrantLockOnBothSides {

    static final ReentrantLock LOCK = new ReentrantLock();

    static int balance;

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread writer = new Thread(() -> {
            LOCK.lock();
            try {
                balance = 100;
            } finally {
                LOCK.unlock();
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            LOCK.lock();
            try {
                seen[0] = balance;
            } finally {
                LOCK.unlock();
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
