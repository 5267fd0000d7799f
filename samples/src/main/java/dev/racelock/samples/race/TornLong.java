package dev.racelock.samples.race;

/**
 * Bug: a plain {@code long} written by one thread and read by another. Besides the race itself,
 * JLS 17.7 allows a non-volatile long write to be split in two 32-bit halves, so the reader may
 * see half of the new value.
 * Fix: {@link dev.racelock.samples.norace.VolatileLong}.
 */
public final class TornLong {

    static long stamp;

    public static void main(String[] args) throws InterruptedException {
        long[] seen = new long[1];
        Thread writer = new Thread(() -> stamp = 0xFFFF_FFFF_0000_0001L, "writer"); // expect race(write, TornLong.stamp, torn-long)
        Thread reader = new Thread(() -> seen[0] = stamp, "reader"); // expect race(read, TornLong.stamp)
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.printf("reader saw %#x%n", seen[0]);
    }
}
