package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;

/**
 * Each worker fills its part of {@code parts} and counts down; the main thread reads them after
 * {@code await} returned (CountDownLatch memory-consistency effects).
 * Twin: {@link CountDownLatchReadBeforeAwait}.
 */
// requires juc
// expect none
public final class CountDownLatchHandOff {
    static int first;
    static int second;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(2);
        new Thread(() -> {
            first = 1;
            done.countDown();
        }, "first").start();
        new Thread(() -> {
            second = 2;
            done.countDown();
        }, "second").start();
        done.await();
        System.out.println("sum " + (first + second));
    }
}
