package dev.racelock.samples.nodeadlock;

/**
 * Not a deadlock: the two threads take {@code A} and {@code B} in opposite orders, but each holds
 * {@code GATE} around both acquisitions, so only one of them can be inside at a time and neither
 * can hold one of the pair while the other holds the second (lockdep's and GoodLock's gate lock).
 */
// expect none
public final class GateLockAroundBothOrders {

    static final Object GATE = new Object();
    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> {
            synchronized (GATE) {
                synchronized (A) {
                    synchronized (B) {
                        System.out.println("first: A then B");
                    }
                }
            }
        }, "a-then-b");
        Thread second = new Thread(() -> {
            synchronized (GATE) {
                synchronized (B) {
                    synchronized (A) {
                        System.out.println("second: B then A");
                    }
                }
            }
        }, "b-then-a");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
