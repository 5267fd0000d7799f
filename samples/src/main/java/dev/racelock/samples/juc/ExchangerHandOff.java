package dev.racelock.samples.juc;

import java.util.concurrent.Exchanger;

/**
 * Two threads swap buffers through an Exchanger; each reads the buffer it received, which its
 * partner filled before exchanging. Twin: {@link ExchangerWriteAfterExchange}.
 */
// requires juc
// expect none
public final class ExchangerHandOff {
    static final class Buffer {
        int filled;
    }

    public static void main(String[] args) throws InterruptedException {
        Exchanger<Buffer> exchanger = new Exchanger<>();
        Thread filler = new Thread(() -> {
            Buffer full = new Buffer();
            full.filled = 64;
            try {
                exchanger.exchange(full);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "filler");
        filler.start();
        Buffer received = exchanger.exchange(new Buffer());
        System.out.println("filled " + received.filled);
    }
}
