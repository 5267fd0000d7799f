package dev.racelock.samples.juc;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bug: the consumer peeks at {@code item} before taking the lock it waits under.
 * Fix: {@link ConditionHandOff}.
 */
// requires juc-locks
public final class ConditionReadOutsideLock {
    static final ReentrantLock LOCK = new ReentrantLock();
    static final Condition FILLED = LOCK.newCondition();
    static String item;

    public static void main(String[] args) throws InterruptedException {
        Thread producer = new Thread(() -> {
            LOCK.lock();
            try {
                item = "parcel"; // expect race(write, ConditionReadOutsideLock.item)
                FILLED.signalAll();
            } finally {
                LOCK.unlock();
            }
        }, "producer");
        producer.start();
        String peeked = item; // expect race(read, ConditionReadOutsideLock.item)
        LOCK.lock();
        try {
            while (item == null) {
                FILLED.await();
            }
        } finally {
            LOCK.unlock();
        }
        System.out.println(peeked);
    }
}
