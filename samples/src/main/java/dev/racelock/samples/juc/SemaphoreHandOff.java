package dev.racelock.samples.juc;

import java.util.concurrent.Semaphore;

/**
 * A producer writes {@code message} and releases a permit; the consumer reads it after acquiring
 * (Semaphore memory-consistency effects). Twin: {@link SemaphoreReadBeforeAcquire}.
 */
// requires juc
// expect none
public final class SemaphoreHandOff {
    static String message;

    public static void main(String[] args) throws InterruptedException {
        Semaphore ready = new Semaphore(0);
        Thread producer = new Thread(() -> {
            message = "hello";
            ready.release();
        }, "producer");
        producer.start();
        ready.acquire();
        System.out.println(message);
    }
}
