package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bug: the builder counts a visit on the profile after {@code computeIfAbsent} installed it, so
 * the reader, which found the profile with {@code get}, reads a count nothing orders before it
 * (only what the mapping function did is part of the update). Fix: {@link MapComputeHandOff}.
 */
// requires juc
public final class MapComputeWrittenAfter {
    static final class Profile {
        String name;
        int visits;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Profile> profiles = new ConcurrentHashMap<>();
        Thread builder = new Thread(() -> {
            Profile p = profiles.computeIfAbsent("ada", name -> {
                Profile built = new Profile();
                built.name = name;
                return built;
            });
            p.visits++; // expect race(read|write, Profile.visits)
        }, "builder");
        builder.start();
        Profile ada;
        while ((ada = profiles.get("ada")) == null) {
            Thread.onSpinWait();
        }
        System.out.println(ada.name + " visited " + ada.visits); // expect race(read, Profile.visits)
        builder.join();
    }
}
