package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;

/**
 * Two rounds of work, each with a latch of its own: the worker fills a round's result and counts
 * that round's latch down, the main thread reads the result once that latch's {@code await}
 * returned (CountDownLatch memory-consistency effects: actions before {@code countDown()}, until
 * the count reaches zero, happen-before a successful return from {@code await()}).
 * Twin: {@link CountDownLatchReusedAfterOpen}.
 */
// requires juc
// expect none
public final class CountDownLatchPerRound {
    static int firstRound;
    static int secondRound;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            firstRound = 1;
            first.countDown();
            secondRound = 2;
            second.countDown();
        }, "worker");
        worker.start();
        first.await();
        System.out.println("first " + firstRound);
        second.await();
        System.out.println("second " + secondRound);
        worker.join();
    }
}
