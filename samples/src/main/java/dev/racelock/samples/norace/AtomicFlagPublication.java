package dev.racelock.samples.norace;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Twin of {@link dev.racelock.samples.race.UnsafePublication}: plain data published by setting an
 * {@link AtomicBoolean}; {@code set} has the effect of a volatile write and {@code get} of a
 * volatile read (java.util.concurrent.atomic package docs), so the data write is ordered before
 * the read. Until racelock hooks atomics the flag is invisible and the data would falsely race.
 */
// requires atomics
// expect none
public final class AtomicFlagPublication {

    static final AtomicBoolean ready = new AtomicBoolean();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            data = 42;
            ready.set(true);
        }, "publisher");
        int[] seen = new int[1];
        Thread reader = new Thread(() -> {
            while (!ready.get()) {
                Thread.yield();
            }
            seen[0] = data;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
