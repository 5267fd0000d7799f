package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;

/**
 * Bug: one part is read before {@code await}; the other after it is fine.
 * Fix: {@link CountDownLatchHandOff}.
 */
// requires juc
public final class CountDownLatchReadBeforeAwait {
    static int first;
    static int second;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(2);
        Thread a = new Thread(() -> {
            first = 1; // expect race(write, CountDownLatchReadBeforeAwait.first)
            done.countDown();
        }, "first");
        Thread b = new Thread(() -> {
            second = 2;
            done.countDown();
        }, "second");
        a.start();
        b.start();
        int early = first; // expect race(read, CountDownLatchReadBeforeAwait.first)
        done.await();
        System.out.println("sum " + (early + second));
    }
}
