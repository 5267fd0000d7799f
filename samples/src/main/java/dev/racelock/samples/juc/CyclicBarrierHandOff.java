package dev.racelock.samples.juc;

import java.util.concurrent.CyclicBarrier;

/**
 * Two workers each write their half, meet at a barrier, then read the other's half: actions
 * before await happen-before actions after the barrier trips, for every generation.
 * Twin: {@link CyclicBarrierWriteAfterAwait}.
 */
// requires juc
// expect none
public final class CyclicBarrierHandOff {
    static int left;
    static int right;

    public static void main(String[] args) throws InterruptedException {
        CyclicBarrier meet = new CyclicBarrier(2);
        int[] sums = new int[2];
        Thread a = new Thread(() -> {
            for (int round = 0; round < 50; round++) {
                left = round;
                await(meet);
                sums[0] += right;
                await(meet);
            }
        }, "left");
        Thread b = new Thread(() -> {
            for (int round = 0; round < 50; round++) {
                right = round;
                await(meet);
                sums[1] += left;
                await(meet);
            }
        }, "right");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(sums[0] + " " + sums[1]);
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
