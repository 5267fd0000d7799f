package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.StopFlagWithoutVolatile}: a volatile flag; every read
 * sees the latest write and is synchronization, not a plain access.
 */
// expect none
public final class VolatileStopFlag {

    static final int MAX_ROUNDS = 100_000;

    static volatile boolean stop;

    public static void main(String[] args) throws InterruptedException {
        int[] rounds = new int[1];
        Thread worker = new Thread(() -> {
            int n = 0;
            while (!stop && n < MAX_ROUNDS) {
                n++;
                Thread.onSpinWait();
            }
            rounds[0] = n;
        }, "worker");
        worker.start();
        stop = true;
        worker.join();
        System.out.println("worker stopped after " + rounds[0] + " rounds");
    }
}
