package dev.racelock.samples.juc;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A consumer waits on a Condition for {@code item}; the producer sets it under the same lock and
 * signals. Condition.await releases the lock and re-acquires it before returning.
 * Twin: {@link ConditionReadOutsideLock}.
 */
// requires juc-locks
// expect none
public final class ConditionHandOff {
    static final ReentrantLock LOCK = new ReentrantLock();
    static final Condition FILLED = LOCK.newCondition();
    static String item;

    public static void main(String[] args) throws InterruptedException {
        Thread producer = new Thread(() -> {
            LOCK.lock();
            try {
                item = "parcel";
                FILLED.signalAll();
            } finally {
                LOCK.unlock();
            }
        }, "producer");
        producer.start();
        LOCK.lock();
        try {
            while (item == null) {
                FILLED.await();
            }
            System.out.println(item);
        } finally {
            LOCK.unlock();
        }
    }
}
