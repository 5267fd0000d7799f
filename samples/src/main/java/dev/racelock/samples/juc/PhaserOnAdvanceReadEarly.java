package dev.racelock.samples.juc;

import java.util.concurrent.Phaser;

/**
 * Bug: the worker arrives with {@code arrive()}, which does not wait for the advance, and reads
 * {@code total} at once; {@code onAdvance}, run by the main thread that arrives after it, writes
 * {@code total} with nothing ordering the two. Fix: {@link PhaserOnAdvanceHandOff}
 * ({@code arriveAndAwaitAdvance}).
 */
// requires juc
public final class PhaserOnAdvanceReadEarly {
    static int part;
    static int total;

    public static void main(String[] args) throws InterruptedException {
        Phaser phaser = new Phaser(2) {
            @Override
            protected boolean onAdvance(int phase, int registeredParties) {
                total = part + 1; // expect race(write, PhaserOnAdvanceReadEarly.total)
                return false;
            }
        };
        Thread worker = new Thread(() -> {
            part = 41;
            phaser.arrive();
            System.out.println("total " + total); // expect race(read, PhaserOnAdvanceReadEarly.total)
        }, "worker");
        worker.start();
        while (phaser.getArrivedParties() == 0) { // the main thread arrives last, so it runs onAdvance
            Thread.onSpinWait();
        }
        phaser.arriveAndAwaitAdvance();
        worker.join();
        System.out.println("advanced to " + phaser.getPhase());
    }
}
