package dev.racelock.samples.observed;

import java.util.concurrent.CountDownLatch;

/**
 * Bug: a deadlock that really happens, in every run. A latch makes both threads hold their first
 * lock before either requests its second, so each waits forever for the other. Run it under the
 * agent with {@code deadlock=exit}: the watchdog finds the two threads blocked in a cycle, records
 * their stacks and ends the process. Without the agent this program hangs.
 * Fix: {@link dev.racelock.samples.nodeadlock.ConsistentLockOrder}.
 */
// requires folded-observed-deadlock
public final class RealDeadlock {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch bothHoldTheirFirst = new CountDownLatch(2);
        Thread first = new Thread(() -> {
            synchronized (A) {
                holdAndWait(bothHoldTheirFirst);
                synchronized (B) { // expect observed-deadlock(RealDeadlock.B)
                    System.out.println("unreachable: first got B");
                }
            }
        }, "holds-a-wants-b");
        Thread second = new Thread(() -> {
            synchronized (B) {
                holdAndWait(bothHoldTheirFirst);
                synchronized (A) { // expect observed-deadlock(RealDeadlock.A)
                    System.out.println("unreachable: second got A");
                }
            }
        }, "holds-b-wants-a");
        first.start();
        second.start();
        first.join();
        second.join();
    }

    private static void holdAndWait(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
