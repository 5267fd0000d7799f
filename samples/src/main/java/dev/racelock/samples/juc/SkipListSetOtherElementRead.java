package dev.racelock.samples.juc;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Bug: {@code late} is written after "ready" was added to the {@code ConcurrentSkipListSet} the
 * reader polls (it belongs to the element "done", never looked up), so the edge of "ready" does
 * not cover it: set edges are per element. Fix: {@link SkipListSetHandOff}.
 */
// requires juc
public final class SkipListSetOtherElementRead {
    static int early;
    static int late;

    public static void main(String[] args) throws InterruptedException {
        Set<String> flags = new ConcurrentSkipListSet<>();
        Thread writer = new Thread(() -> {
            early = 1;
            flags.add("ready");
            late = 2; // expect race(write, SkipListSetOtherElementRead.late)
            flags.add("done");
        }, "writer");
        writer.start();
        while (!flags.contains("ready")) {
            Thread.onSpinWait();
        }
        System.out.println("early " + early + " late " + late); // expect race(read, SkipListSetOtherElementRead.late)
        writer.join();
    }
}
