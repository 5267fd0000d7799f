package dev.racelock.samples.juc;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * Four workers each learn, from an interrupt, that they must stop, and then read why: the main
 * thread writes the reason before {@code interrupt()}. JLS 17.4.4: the interrupt
 * synchronizes-with every point where a thread determines that the interrupted thread was
 * interrupted: {@code isInterrupted()}, {@code Thread.interrupted()}, or an
 * {@code InterruptedException} thrown (here by {@code sleep}, inside the JVM, and by a
 * blocking queue's {@code take}). Twin: {@link InterruptReasonWrittenAfter}.
 */
// requires juc
// expect none
public final class InterruptHandOff {
    static String pollReason;
    static String clearReason;
    static String sleepReason;
    static String takeReason;

    public static void main(String[] args) throws InterruptedException {
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            System.out.println("poller: " + pollReason);
        }, "poller");
        Thread clearer = new Thread(() -> {
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
            System.out.println("clearer: " + clearReason);
        }, "clearer");
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                System.out.println("sleeper: " + sleepReason);
            }
        }, "sleeper");
        Thread taker = new Thread(() -> {
            try {
                new LinkedBlockingQueue<String>().take();
            } catch (InterruptedException e) {
                System.out.println("taker: " + takeReason);
            }
        }, "taker");
        for (Thread t : new Thread[] {poller, clearer, sleeper, taker}) {
            t.start();
        }
        pollReason = "poll";
        poller.interrupt();
        clearReason = "clear";
        clearer.interrupt();
        sleepReason = "sleep";
        sleeper.interrupt();
        takeReason = "take";
        taker.interrupt();
        for (Thread t : new Thread[] {poller, clearer, sleeper, taker}) {
            t.join();
        }
    }
}
