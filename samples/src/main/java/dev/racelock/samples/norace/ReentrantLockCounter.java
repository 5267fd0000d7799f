package dev.racelock.samples.norace;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Twin of {@link dev.racelock.samples.race.LostUpdate}: the increments hold one
 * {@link ReentrantLock}, which orders them like a monitor (Lock's memory synchronization
 * contract). Until racelock hooks java.util.concurrent.locks, the lock is invisible and this
 * sample would show a false race: hence {@code requires juc-locks}.
 */
// requires juc-locks
// expect none
public final class ReentrantLockCounter {

    static final ReentrantLock LOCK = new ReentrantLock();
    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Runnable increment = () -> {
            for (int i = 0; i < 1_000; i++) {
                LOCK.lock();
                try {
                    hits++;
                } finally {
                    LOCK.unlock();
                }
            }
        };
        Thread first = new Thread(increment, "incrementer-1");
        Thread second = new Thread(increment, "incrementer-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("hits = " + hits);
    }
}
