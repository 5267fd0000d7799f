package dev.racelock.samples.race;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;

/**
 * Bug: one thread iterates a shared {@link ArrayList} while another adds to it, with no lock:
 * a ConcurrentModificationException waiting to happen (or, worse, a traversal that silently
 * misses or repeats elements). Reported whether or not this run threw.
 * Fix: {@link dev.racelock.samples.norace.ListIteratedUnderLock}.
 */
public final class ListIteratedWhileAdding {

    static final class Listeners {
        private final List<String> names = new ArrayList<>();

        void add(String name) {
            names.add(name); // expect race(write, Listeners.names, iteration-modification)
        }

        int notifyAll(String event) {
            int told = 0;
            for (String name : names) { // expect race(read, Listeners.names)
                told += name.length() + event.length();
            }
            return told;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Listeners listeners = new Listeners();
        Thread notifier = new Thread(() -> {
            try {
                listeners.notifyAll("started");
            } catch (ConcurrentModificationException e) {
                System.out.println("the iteration failed: " + e);
            }
        }, "notifier");
        Thread subscriber = new Thread(() -> listeners.add("audit"), "subscriber");
        notifier.start();
        subscriber.start();
        notifier.join();
        subscriber.join();
        System.out.println("done");
    }
}
