package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.TornLong}: volatile long reads and writes are atomic
 * (JLS 17.7) and are synchronization actions, so there is neither a torn value nor a race.
 */
// expect none
public final class VolatileLong {

    static volatile long stamp;

    public static void main(String[] args) throws InterruptedException {
        long[] seen = new long[1];
        Thread writer = new Thread(() -> stamp = 0xFFFF_FFFF_0000_0001L, "writer");
        Thread reader = new Thread(() -> seen[0] = stamp, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.printf("reader saw %#x%n", seen[0]);
    }
}
