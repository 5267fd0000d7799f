package dev.racelock.samples.norace;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twin of {@link dev.racelock.samples.race.SetCheckThenAdd}: a concurrent set
 * ({@code ConcurrentHashMap.newKeySet()}), whose {@code add} is atomic and says whether the id
 * was new, so there is no check-then-act and nothing to race.
 */
// expect none
public final class SetOfConcurrentMap {

    static final class Seen {
        private final Set<Integer> ids = ConcurrentHashMap.newKeySet();

        boolean firstTime(int id) {
            return ids.add(id);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Seen seen = new Seen();
        boolean[] first = new boolean[2];
        Thread a = new Thread(() -> first[0] = seen.firstTime(7), "consumer-1");
        Thread b = new Thread(() -> first[1] = seen.firstTime(7), "consumer-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("processed " + ((first[0] ? 1 : 0) + (first[1] ? 1 : 0)) + " times");
    }
}
