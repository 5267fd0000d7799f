package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bug: {@code late} is written after the key the reader waits for was put (it belongs to a key
 * the reader never looks up), so the edge of "ready" does not cover it: map edges are per key.
 * Fix: {@link SkipListMapKeyHandOff}.
 */
// requires juc
public final class SkipListMapOtherKeyRead {
    static int early;
    static int late;

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Boolean> flags = new ConcurrentSkipListMap<>();
        Thread writer = new Thread(() -> {
            early = 1;
            flags.put("ready", Boolean.TRUE);
            late = 2; // expect race(write, SkipListMapOtherKeyRead.late)
            flags.put("done", Boolean.TRUE);
        }, "writer");
        writer.start();
        while (flags.get("ready") == null) {
            Thread.onSpinWait();
        }
        System.out.println("early " + early + " late " + late); // expect race(read, SkipListMapOtherKeyRead.late)
    }
}
