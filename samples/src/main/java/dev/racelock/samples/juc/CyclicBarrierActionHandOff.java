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
        Thread a = worker(meet, seen, 0);
        Thread b = worker(meet, seen, 1);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(seen[0] + " " + seen[1] + " " + total);
    }

    /** Worker {@code index} writes its part, awaits, reads the total, and awaits the other's read. */
    static Thread worker(CyclicBarrier meet, int[] seen, int index) {
        return new Thread(() -> {
            for (int round = 1; round <= 20; round++) {
                if (index == 0) {
                    left = round;
                } else {
                    right = round;
                }
                CyclicBarrierHandOff.await(meet);
                seen[index] += total;
                CyclicBarrierHandOff.await(meet);
            }
        }, "worker-" + index);
    }
}
