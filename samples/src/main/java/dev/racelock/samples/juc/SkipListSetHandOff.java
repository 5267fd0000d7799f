package dev.racelock.samples.juc;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A writer fills {@code config} and then adds "ready" to a {@code ConcurrentSkipListSet}; a
 * reader that finds an equal element with {@code contains} reads what was written before the
 * add. Twin: {@link SkipListSetOtherElementRead}.
 */
// requires juc
// expect none
public final class SkipListSetHandOff {
    static int config;

    public static void main(String[] args) throws InterruptedException {
        Set<String> flags = new ConcurrentSkipListSet<>();
        Thread writer = new Thread(() -> {
            config = 42;
            flags.add("ready");
        }, "writer");
        writer.start();
        String element = new String("ready");
        while (!flags.contains(element)) {
            Thread.onSpinWait();
        }
        System.out.println("config " + config);
        writer.join();
    }
}
