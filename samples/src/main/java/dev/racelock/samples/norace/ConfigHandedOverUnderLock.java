package dev.racelock.samples.norace;

// requires predictive

/**
 * Correct twin of {@link dev.racelock.samples.race.RaceHiddenByLockOrder}: the reader reads
 * {@code config} only after it saw, under the lock, the flag the writer's critical section set.
 * The two sections conflict on {@code published}, so every schedule orders the write of
 * {@code config} before its read, and the predictive analysis, like the happens-before one,
 * reports nothing, whichever thread takes the lock first.
 */
public final class ConfigHandedOverUnderLock {

    static int config;
    static boolean published;
    static final Object lock = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            config = 42;
            synchronized (lock) {
                published = true;
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            boolean seen = false;
            while (!seen) {
                synchronized (lock) {
                    seen = published;
                }
                Thread.onSpinWait();
            }
            System.out.println("config = " + config);
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
