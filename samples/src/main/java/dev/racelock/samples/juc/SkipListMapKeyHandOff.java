package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A writer fills {@code config} and then puts its key; a reader that finds the key (an equal
 * String, not the same object) reads what was written before the put (ConcurrentMap
 * memory-consistency effects). Twin: {@link SkipListMapOtherKeyRead}.
 */
// requires juc
// expect none
public final class SkipListMapKeyHandOff {
    static int config;

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Boolean> flags = new ConcurrentSkipListMap<>();
        Thread writer = new Thread(() -> {
            config = 42;
            flags.put("ready", Boolean.TRUE);
        }, "writer");
        writer.start();
        String key = new String("ready");
        while (flags.get(key) == null) {
            Thread.onSpinWait();
        }
        System.out.println("config " + config);
    }
}
