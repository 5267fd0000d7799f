package dev.racelock.samples.juc;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bug: the producer attaches a {@code note} after unlocking; the consumer's await returns
 * ordered after the producer's unlock only, not after what the producer did next.
 * Fix: {@link ConditionHandOff} (write everything the consumer reads before unlocking).
 */
// requires juc-locks
public final class ConditionReadOutsideLock {
    static final ReentrantLock LOCK = new ReentrantLock();
    static final Condition FILLED = LOCK.newCondition();
    static String item;
    static String note;

    public static void main(String[] args) throws InterruptedException {
        Thread producer = new Thread(() -> {
            LOCK.lock();
            try {
                item = "parcel";
                FILLED.signalAll();
            } finally {
                LOCK.unlock();
            }
            note = "fragile"; // expect race(write, ConditionReadOutsideLock.note)
        }, "producer");
        producer.start();
        LOCK.lock();
        try {
            while (item == null) {
                FILLED.await();
            }
        } finally {
            LOCK.unlock();
        }
        System.out.println(item + " " + note); // expect race(read, ConditionReadOutsideLock.note)
    }
}
