package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Values built inside the functions of the update-in-place methods of concurrent maps, read by
 * other threads that retrieve them, with nothing but the maps ordering the two: a
 * {@code Profile} built by {@code computeIfAbsent}'s mapping function and read through
 * {@code get}; a {@code Tally} built by {@code compute}, read by {@code merge}'s remapping
 * function, which builds the next one; a {@code Profile} swapped in by {@code replace} and read
 * inside {@code computeIfPresent}. A call that installs a value is an update of its key, and one
 * that finds a mapping (returns it, or hands it to its function) a retrieval (ConcurrentMap
 * memory-consistency effects). Twin: {@link MapComputeWrittenAfter}.
 */
// requires juc
// expect none
public final class MapComputeHandOff {
    static final class Profile {
        String name;
        int visits;
    }

    static final class Tally {
        int count;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Profile> profiles = new ConcurrentHashMap<>();
        ConcurrentMap<String, Tally> tallies = new ConcurrentSkipListMap<>();
        Thread builder = new Thread(() -> {
            profiles.computeIfAbsent("ada", name -> {
                Profile p = new Profile();
                p.name = name;
                p.visits = 1;
                return p;
            });
            tallies.compute("hits", (k, old) -> {
                Tally t = new Tally();
                t.count = 1;
                return t;
            });
        }, "builder");
        Thread merger = new Thread(() -> {
            Tally one = new Tally();
            one.count = 1;
            while (tallies.get("hits") == null) {
                Thread.onSpinWait();
            }
            tallies.merge("hits", one, (old, given) -> {
                Tally sum = new Tally();
                sum.count = old.count + given.count;
                return sum;
            });
            Profile renamed = new Profile();
            renamed.name = "ada lovelace";
            while (profiles.get("ada") == null) {
                Thread.onSpinWait();
            }
            profiles.replace("ada", renamed);
        }, "merger");
        builder.start();
        merger.start();
        Profile ada;
        while ((ada = profiles.get("ada")) == null) {
            Thread.onSpinWait();
        }
        System.out.println(ada.name + " visited " + ada.visits);
        Tally hits;
        while ((hits = tallies.get("hits")) == null || hits.count < 2) {
            Thread.onSpinWait();
        }
        System.out.println("hits " + hits.count);
        while (!"ada lovelace".equals(profiles.get("ada").name)) {
            Thread.onSpinWait();
        }
        profiles.computeIfPresent("ada", (k, p) -> {
            System.out.println("renamed " + p.name);
            return p;
        });
        builder.join();
        merger.join();
    }
}
