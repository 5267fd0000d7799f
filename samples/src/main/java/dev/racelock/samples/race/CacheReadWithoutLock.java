package dev.racelock.samples.race;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Bug: the writer updates a cached value under a write lock, but the reader skips the read lock
 * "because reads are harmless". A lock orders only the critical sections that take it.
 * Fix: {@link dev.racelock.samples.norace.ReadWriteLockCache}.
 */
public final class CacheReadWithoutLock {

    static final ReadWriteLock LOCK = new ReentrantReadWriteLock();
    static String cached = "initial";

    public static void main(String[] args) throws InterruptedException {
        String[] seen = new String[1];
        Thread writer = new Thread(() -> {
            LOCK.writeLock().lock();
            try {
                cached = "refreshed"; // expect race(write, CacheReadWithoutLock.cached)
            } finally {
                LOCK.writeLock().unlock();
            }
        }, "refresher");
        Thread reader = new Thread(() -> seen[0] = cached, "reader"); // expect race(read, CacheReadWithoutLock.cached)
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
