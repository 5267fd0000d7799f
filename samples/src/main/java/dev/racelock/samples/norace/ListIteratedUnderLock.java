package dev.racelock.samples.norace;

import java.util.ArrayList;
import java.util.List;

/**
 * Twin of {@link dev.racelock.samples.race.ListIteratedWhileAdding}: adding and iterating take
 * the same lock (the list's owner's monitor), so no iteration overlaps a modification.
 */
// expect none
public final class ListIteratedUnderLock {

    static final class Listeners {
        private final List<String> names = new ArrayList<>();

        synchronized void add(String name) {
            names.add(name);
        }

        synchronized int notifyAll(String event) {
            int told = 0;
            for (String name : names) {
                told += name.length() + event.length();
            }
            return told;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Listeners listeners = new Listeners();
        Thread notifier = new Thread(() -> listeners.notifyAll("started"), "notifier");
        Thread subscriber = new Thread(() -> listeners.add("audit"), "subscriber");
        notifier.start();
        subscriber.start();
        notifier.join();
        subscriber.join();
        System.out.println("done");
    }
}
