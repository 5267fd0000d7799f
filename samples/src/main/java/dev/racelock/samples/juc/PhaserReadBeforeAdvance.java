package dev.racelock.samples.juc;

import java.util.concurrent.Phaser;

/** Bug: the consumer reads {@code batch} before the phase advanced. Fix: {@link PhaserHandOff}. */
// requires juc
public final class PhaserReadBeforeAdvance {
    static int batch;

    public static void main(String[] args) {
        Phaser phaser = new Phaser(2);
        Thread producer = new Thread(() -> {
            batch = 100; // expect race(write, PhaserReadBeforeAdvance.batch)
            phaser.arrive();
        }, "producer");
        producer.start();
        int early = batch; // expect race(read, PhaserReadBeforeAdvance.batch)
        phaser.arriveAndAwaitAdvance();
        System.out.println("early " + early);
    }
}
