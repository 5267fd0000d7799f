package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;

/**
 * Bug (the shape of DERBY-5561): one latch serves two rounds. After the first round opened it,
 * the second {@code countDown()} finds the count at zero: it changes nothing and orders nothing,
 * and the second {@code await()} returns at once, so the main thread reads the second result with
 * nothing ordering the worker's write before it. Fix: {@link CountDownLatchPerRound}.
 */
// requires juc
public final class CountDownLatchReusedAfterOpen {
    static int firstRound;
    static int secondRound;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            firstRound = 1;
            done.countDown();
            secondRound = 2; // expect race(write, CountDownLatchReusedAfterOpen.secondRound)
            done.countDown(); // the count is zero already
        }, "worker");
        worker.start();
        done.await();
        System.out.println("first " + firstRound);
        done.await();
        System.out.println("second " + secondRound); // expect race(read, CountDownLatchReusedAfterOpen.secondRound)
        worker.join();
    }
}
