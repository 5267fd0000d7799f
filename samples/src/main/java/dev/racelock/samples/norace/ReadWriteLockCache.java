package dev.racelock.samples.norace;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Twin of {@link dev.racelock.samples.race.CacheReadWithoutLock}: the reader takes the read lock
 * of the {@link ReadWriteLock} whose write lock the writer holds, so the read is ordered after
 * the update (ReadWriteLock's memory synchronization contract).
 */
// requires juc-locks
// expect none
public final class ReadWriteLockCache {

    static final ReadWriteLock LOCK = new ReentrantReadWriteLock();
    static String cached = "initial";

    public static void main(String[] args) throws InterruptedException {
        String[] seen = new String[1];
        Thread writer = new Thread(() -> {
            LOCK.writeLock().lock();
            try {
                cached = "refreshed";
            } finally {
                LOCK.writeLock().unlock();
            }
        }, "refresher");
        Thread reader = new Thread(() -> {
            LOCK.readLock().lock();
            try {
                seen[0] = cached;
            } finally {
                LOCK.readLock().unlock();
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
