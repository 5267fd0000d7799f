package dev.racelock.samples.race;

/**
 * Bug: a worker polls a plain {@code stop} flag that another thread sets. Without volatile the
 * worker may never see the write (the JIT may hoist the read out of the loop). The loop is
 * bounded so the program always ends; the worker reads the flag at least once, and that read is
 * unordered with main's write in every run.
 * Fix: {@link dev.racelock.samples.norace.VolatileStopFlag}.
 */
public final class StopFlagWithoutVolatile {

    static final int MAX_ROUNDS = 100_000;

    static boolean stop;

    public static void main(String[] args) throws InterruptedException {
        int[] rounds = new int[1];
        Thread worker = new Thread(() -> {
            int n = 0;
            while (!stop && n < MAX_ROUNDS) { // expect race(read, StopFlagWithoutVolatile.stop)
                n++;
                Thread.onSpinWait();
            }
            rounds[0] = n;
        }, "worker");
        worker.start();
        stop = true; // expect race(write, StopFlagWithoutVolatile.stop)
        worker.join();
        System.out.println("worker stopped after " + rounds[0] + " rounds");
    }
}
