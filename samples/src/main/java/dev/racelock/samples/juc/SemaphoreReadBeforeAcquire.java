package dev.racelock.samples.juc;

import java.util.concurrent.Semaphore;

/** Bug: the consumer reads {@code message} before acquiring the permit. Fix: {@link SemaphoreHandOff}. */
// requires juc
public final class SemaphoreReadBeforeAcquire {
    static String message;

    public static void main(String[] args) throws InterruptedException {
        Semaphore ready = new Semaphore(0);
        Thread producer = new Thread(() -> {
            message = "hello"; // expect race(write, SemaphoreReadBeforeAcquire.message)
            ready.release();
        }, "producer");
        producer.start();
        String early = message; // expect race(read, SemaphoreReadBeforeAcquire.message)
        ready.acquire();
        System.out.println(early);
    }
}
