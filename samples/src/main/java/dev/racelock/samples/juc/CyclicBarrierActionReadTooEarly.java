package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

/**
 * Bug: a monitor thread reads the barrier action's {@code total} once the workers have
 * started (a latch each counts down before it awaits the barrier), not once the barrier
 * tripped, so the read is not ordered after the action's write. Fix: {@link
 * CyclicBarrierActionHandOff}.
 */
// requires juc
public final class CyclicBarrierActionReadTooEarly {
    static int total;

    public static void main(String[] args) throws InterruptedException {
        CyclicBarrier meet = new CyclicBarrier(2,
                () -> total = 42); // expect race(write, CyclicBarrierActionReadTooEarly.total)
        CountDownLatch started = new CountDownLatch(2);
        Runnable worker = () -> {
            started.countDown();
            CyclicBarrierHandOff.await(meet);
        };
        Thread a = new Thread(worker, "a");
        Thread b = new Thread(worker, "b");
        a.start();
        b.start();
        started.await();
        int early = total; // expect race(read, CyclicBarrierActionReadTooEarly.total)
        a.join();
        b.join();
        System.out.println(early + " " + total);
    }
}
