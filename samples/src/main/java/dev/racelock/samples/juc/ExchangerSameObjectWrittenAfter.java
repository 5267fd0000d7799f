package dev.racelock.samples.juc;

import java.util.concurrent.Exchanger;

/**
 * Bug: the partner writes {@code right} after its exchange, so the main thread's read after its
 * own exchange is not ordered after the write (both hand over the same cached {@code Integer};
 * that the objects are identical changes nothing). Fix: {@link ExchangerSameObject}.
 */
// requires juc
public final class ExchangerSameObjectWrittenAfter {
    static int right;

    public static void main(String[] args) throws InterruptedException {
        Exchanger<Integer> exchanger = new Exchanger<>();
        Thread partner = new Thread(() -> {
            try {
                exchanger.exchange(1);
                right = 2; // expect race(write, ExchangerSameObjectWrittenAfter.right)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "partner");
        partner.start();
        exchanger.exchange(1);
        System.out.println("right " + right); // expect race(read, ExchangerSameObjectWrittenAfter.right)
        partner.join();
    }
}
