package dev.racelock.samples.nodeadlock;

/**
 * Not a deadlock: the second thread, which takes the locks in the opposite order, is started only
 * after the first has been joined. The first thread's acquisitions happen-before the second's
 * (join, then start: JLS 17.4.4), so the two can never hold their first locks at the same time.
 */
// expect none
public final class OrdersSeparatedByJoin {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> {
            synchronized (A) {
                synchronized (B) {
                    System.out.println("first: A then B");
                }
            }
        }, "a-then-b");
        first.start();
        first.join();
        Thread second = new Thread(() -> {
            synchronized (B) {
                synchronized (A) {
                    System.out.println("second: B then A");
                }
            }
        }, "b-then-a");
        second.start();
        second.join();
    }
}
