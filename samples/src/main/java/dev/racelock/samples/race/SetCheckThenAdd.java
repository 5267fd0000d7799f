package dev.racelock.samples.race;

import java.util.HashSet;
import java.util.Set;

/**
 * Bug: a shared {@link HashSet} of ids seen, checked and then added to by two threads without a
 * lock: both can see an id as new and process it twice, and concurrent adds can corrupt the set.
 * Fix: {@link dev.racelock.samples.norace.SetOfConcurrentMap}.
 */
public final class SetCheckThenAdd {

    static final class Seen {
        private final Set<Integer> ids = new HashSet<>();

        boolean firstTime(int id) {
            if (ids.contains(id)) { // expect race(read, Seen.ids)
                return false;
            }
            ids.add(id); // expect race(write, Seen.ids, check-then-act)
            return true;
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
