package dev.racelock.samples.juc;

import java.util.concurrent.CyclicBarrier;

/**
 * Bug: the right worker writes its half only after the barrier, so the left worker's read after
 * the barrier is not ordered after it. Fix: {@link CyclicBarrierHandOff}.
 */
// requires juc
public final class CyclicBarrierWriteAfterAwait {
    static int right;

    public static void main(String[] args) throws InterruptedException {
        CyclicBarrier meet = new CyclicBarrier(2);
        int[] seen = new int[1];
        Thread a = new Thread(() -> {
            CyclicBarrierHandOff.await(meet);
            seen[0] = right; // expect race(read, CyclicBarrierWriteAfterAwait.right)
        }, "left");
        Thread b = new Thread(() -> {
            CyclicBarrierHandOff.await(meet);
            right = 1; // expect race(write, CyclicBarrierWriteAfterAwait.right)
        }, "right");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(seen[0]);
    }
}
