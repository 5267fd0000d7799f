package dev.racelock.samples.juc;

import java.util.concurrent.Exchanger;

/**
 * Bug: the filler keeps writing into the buffer it already handed over.
 * Fix: {@link ExchangerHandOff}.
 */
// requires juc
public final class ExchangerWriteAfterExchange {
    static final class Slab {
        int filled;
    }

    public static void main(String[] args) throws InterruptedException {
        Exchanger<Slab> exchanger = new Exchanger<>();
        Thread filler = new Thread(() -> {
            Slab full = new Slab();
            try {
                exchanger.exchange(full);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            full.filled = 64; // expect race(write, Slab.filled)
        }, "filler");
        filler.start();
        Slab received = exchanger.exchange(new Slab());
        System.out.println("filled " + received.filled); // expect race(read, Slab.filled)
    }
}
