package dev.racelock.samples.norace;

import java.util.concurrent.CountDownLatch;

/**
 * Twin of {@link dev.racelock.samples.race.UnsafePublication}: the data is handed over through a
 * {@link CountDownLatch}; actions before {@code countDown()} happen-before those after the
 * {@code await()} it releases (CountDownLatch memory-consistency effects). Needs racelock's
 * java.util.concurrent hand-off edges.
 */
// requires juc
// expect none
public final class LatchHandOff {

    static int data;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch published = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            data = 42;
            published.countDown();
        }, "publisher");
        int[] seen = new int[1];
        Thread reader = new Thread(() -> {
            try {
                published.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            seen[0] = data;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
