package dev.racelock.samples.juc;

import java.util.concurrent.Exchanger;

/**
 * Two threads exchange the same cached {@code Integer} in both directions, three rounds in a row;
 * each writes its own field before every exchange and reads the other's after it. Exchanger's
 * memory-consistency effects order each partner's actions before the exchange ahead of the
 * other's actions after it: an edge per exchange, whatever objects change hands.
 * Twin: {@link ExchangerSameObjectWrittenAfter}.
 */
// requires juc
// expect none
public final class ExchangerSameObject {
    static int left;
    static int right;

    public static void main(String[] args) throws InterruptedException {
        Exchanger<Integer> exchanger = new Exchanger<>();
        Thread partner = new Thread(() -> {
            try {
                for (int round = 1; round <= 3; round++) {
                    right = round;
                    exchanger.exchange(1);
                    exchanger.exchange(1);
                    System.out.println("partner saw left " + left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "partner");
        partner.start();
        for (int round = 1; round <= 3; round++) {
            exchanger.exchange(1);
            System.out.println("main saw right " + right);
            left = round;
            exchanger.exchange(1);
        }
        partner.join();
    }
}
