package dev.racelock.samples.juc;

import java.util.concurrent.CyclicBarrier;

/**
 * Two workers each write their part and await a barrier whose action, run by the last worker
 * to arrive, adds the parts into {@code total}; after await returns, each worker reads the
 * total. CyclicBarrier: actions before await happen-before the barrier action, which
 * happens-before actions after await returns. Twin: {@link CyclicBarrierActionReadTooEarly}.
 */
// requires juc
// expect none
public final class CyclicBarrierActionHandOff {
    static int left;
    static int right;
    static int total;

    public static void main(String[] args) throws InterruptedException {
        CyclicBarrier meet = new CyclicBarrier(2, () -> total += left + right);
        int[] seen = new int[2];
        Thread a = new Thread(() -> {
            for (int round = 1; round <= 20; round++) {
                left = round;
                CyclicBarrierHandOff.await(meet);
                seen[0] += total;
                CyclicBarrierHandOff.await(meet);
            }
        }, "left");
        Thread b = new Thread(() -> {
            for (int round = 1; round <= 20; round++) {
                right = round;
                CyclicBarrierHandOff.await(meet);
                seen[1] += total;
                CyclicBarrierHandOff.await(meet);
            }
        }, "right");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(seen[0] + " " + seen[1] + " " + total);
    }
}
