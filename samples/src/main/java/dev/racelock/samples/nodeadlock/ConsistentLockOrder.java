package dev.racelock.samples.nodeadlock;

/**
 * Twin of {@link dev.racelock.samples.deadlock.TwoMonitorsOppositeOrder} and of
 * {@link dev.racelock.samples.observed.RealDeadlock}: both threads take {@code A} before
 * {@code B}. With one global order there is no cycle, so the threads may even overlap freely.
 */
// expect none
public final class ConsistentLockOrder {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Runnable aThenB = () -> {
            synchronized (A) {
                synchronized (B) {
                    System.out.println(Thread.currentThread().getName() + ": A then B");
                }
            }
        };
        Thread first = new Thread(aThenB, "worker-1");
        Thread second = new Thread(aThenB, "worker-2");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
