package dev.racelock.samples.nodeadlock;

/**
 * Not a deadlock: a single thread takes {@code A} then {@code B}, and later {@code B} then
 * {@code A}. A deadlock needs two threads each holding what the other wants; a thread never
 * waits for itself (monitors are reentrant), so a cycle whose edges all come from one thread is
 * not reported.
 */
// expect none
public final class OneThreadBothOrders {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            synchronized (A) {
                synchronized (B) {
                    System.out.println("A then B");
                }
            }
            synchronized (B) {
                synchronized (A) {
                    System.out.println("B then A");
                }
            }
        }, "worker");
        worker.start();
        worker.join();
    }
}
