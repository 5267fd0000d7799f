package dev.racelock.samples.race;

import java.util.concurrent.CountDownLatch;

/**
 * Bug: the writer publishes {@code config} without any order towards the reader; in most runs the
 * writer takes {@code lock} first, and that hand-off orders the write before the read, so the run
 * shows no race. But the two critical sections touch unrelated counters: nothing makes the
 * reader wait for the writer's section, and in a run where the reader takes the lock first the
 * read and the write are unordered. {@code --analysis predictive} reports it in every run: as a
 * {@code predicted-race} when the lock order hid it, as a {@code data-race} when the run showed it.
 * Fix: {@link dev.racelock.samples.norace.ConfigHandedOverUnderLock} (the reader waits, under the
 * lock, for what the writer's section wrote).
 */
public final class RaceHiddenByLockOrder {

    static int config;
    static int writes;
    static int reads;
    static final Object lock = new Object();

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch writerStarted = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            writerStarted.countDown(); // before the write: orders nothing the race is about
            config = 42; // expect predicted-race(write, RaceHiddenByLockOrder.config)
            synchronized (lock) {
                writes++;
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            try {
                writerStarted.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (lock) {
                reads++;
            }
            System.out.println("config = " + config); // expect predicted-race(read, RaceHiddenByLockOrder.config)
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
