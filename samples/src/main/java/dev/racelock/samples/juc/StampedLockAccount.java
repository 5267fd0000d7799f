package dev.racelock.samples.juc;

import java.util.concurrent.locks.StampedLock;

/**
 * Deposits take the write lock; the auditor reads under the read lock. Twin:
 * {@link StampedLockUnguardedRead}.
 */
// requires juc-locks
// expect none
public final class StampedLockAccount {
    static final StampedLock LOCK = new StampedLock();
    static long balance;

    public static void main(String[] args) throws InterruptedException {
        Thread depositor = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                long stamp = LOCK.writeLock();
                try {
                    balance += 10;
                } finally {
                    LOCK.unlockWrite(stamp);
                }
            }
        }, "depositor");
        depositor.start();
        long seen = 0;
        for (int i = 0; i < 100; i++) {
            long stamp = LOCK.readLock();
            try {
                seen = Math.max(seen, balance);
            } finally {
                LOCK.unlockRead(stamp);
            }
        }
        depositor.join();
        System.out.println("seen " + seen + " final " + balance);
    }
}
