package dev.racelock.samples.nodeadlock;

import java.util.HashMap;
import java.util.Map;

/**
 * Twin of {@link dev.racelock.samples.deadlock.ClassMonitorAndMapLock}: both threads call the
 * {@code static synchronized} method without holding the map, so every thread takes the class
 * monitor before the map's monitor. One order, no cycle, and the threads may overlap freely.
 */
// expect none
public final class ClassMonitorAndMapLockInOneOrder {

    static final Map<String, String> REGISTRY = new HashMap<>();

    static synchronized void register(String name) {
        synchronized (REGISTRY) {
            REGISTRY.put(name, name);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> register("first"), "first");
        Thread second = new Thread(() -> register("second"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        synchronized (REGISTRY) {
            System.out.println(REGISTRY.keySet());
        }
    }
}
