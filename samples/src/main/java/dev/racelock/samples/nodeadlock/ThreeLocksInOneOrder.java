package dev.racelock.samples.nodeadlock;

/**
 * Twin of {@link dev.racelock.samples.deadlock.ThreeLockCycle}: the same three pairs of locks,
 * but every thread follows the order A, B, C (the third takes A then C instead of C then A), so
 * the lock-order graph has no cycle.
 */
// expect none
public final class ThreeLocksInOneOrder {

    static final Object A = new Object();
    static final Object B = new Object();
    static final Object C = new Object();

    static Thread nested(Object outer, Object inner, String name) {
        return new Thread(() -> {
            synchronized (outer) {
                synchronized (inner) {
                    System.out.println(name);
                }
            }
        }, name);
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = {nested(A, B, "a-then-b"), nested(B, C, "b-then-c"), nested(A, C, "a-then-c")};
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
