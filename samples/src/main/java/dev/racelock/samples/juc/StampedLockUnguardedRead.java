package dev.racelock.samples.juc;

import java.util.concurrent.locks.StampedLock;

/** Bug: the auditor reads {@code balance} without the read lock. Fix: {@link StampedLockAccount}. */
// requires juc-locks
public final class StampedLockUnguardedRead {
    static final StampedLock LOCK = new StampedLock();
    static long balance;

    public static void main(String[] args) throws InterruptedException {
        Thread depositor = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                long stamp = LOCK.writeLock();
                try {
                    balance += 10; // expect race(read|write, StampedLockUnguardedRead.balance)
                } finally {
                    LOCK.unlockWrite(stamp);
                }
            }
        }, "depositor");
        depositor.start();
        long seen = 0;
        for (int i = 0; i < 100; i++) {
            seen = Math.max(seen, balance); // expect race(read, StampedLockUnguardedRead.balance)
        }
        depositor.join();
        System.out.println("seen " + seen + " final " + balance);
    }
}
