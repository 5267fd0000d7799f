package dev.racelock.samples.race;

import java.util.HashMap;
import java.util.Map;

/**
 * Bug: two threads register names in a shared {@link HashMap} with check-then-act and no lock:
 * both can pass {@code containsKey}, and a {@code HashMap} written by two threads at once can
 * lose entries or corrupt its table. racelock records each call as an access to the map's state
 * (docs/library-model.md) and reports one finding naming the field, both methods and both lines.
 * Fix: {@link dev.racelock.samples.norace.MapCheckThenPutSynchronized}.
 */
public final class MapCheckThenPut {

    static final class Registry {
        private final Map<String, Integer> byName = new HashMap<>();

        int register(String name, int id) {
            if (!byName.containsKey(name)) { // expect race(read, Registry.byName)
                byName.put(name, id); // expect race(write, Registry.byName, check-then-act)
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
