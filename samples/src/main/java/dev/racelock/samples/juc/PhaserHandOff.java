package dev.racelock.samples.juc;

import java.util.concurrent.Phaser;

/**
 * A producer fills {@code batch} and arrives; the consumer reads it after awaiting the advance
 * of that phase. Twin: {@link PhaserReadBeforeAdvance}.
 */
// requires juc
// expect none
public final class PhaserHandOff {
    static int batch;

    public static void main(String[] args) {
        Phaser phaser = new Phaser(2);
        Thread producer = new Thread(() -> {
            batch = 100;
            phaser.arrive();
        }, "producer");
        producer.start();
        phaser.arriveAndAwaitAdvance();
        System.out.println("batch " + batch);
    }
}
