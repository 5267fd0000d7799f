package dev.racelock.samples.norace;

import java.util.HashMap;
import java.util.Map;

/**
 * Twin of {@link dev.racelock.samples.race.MapCheckThenPut}: the check and the put are one
 * critical section, under the registry's monitor, so every use of the {@code HashMap} is ordered
 * by that lock.
 */
// expect none
public final class MapCheckThenPutSynchronized {

    static final class Registry {
        private final Map<String, Integer> byName = new HashMap<>();

        synchronized int register(String name, int id) {
            if (!byName.containsKey(name)) {
                byName.put(name, id);
                return id;
            }
            return -1;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Registry registry = new Registry();
        Thread first = new Thread(() -> registry.register("orders", 1), "registrar-1");
        Thread second = new Thread(() -> registry.register("orders", 2), "registrar-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("registered orders");
    }
}
