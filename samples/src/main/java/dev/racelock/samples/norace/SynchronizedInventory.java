package dev.racelock.samples.norace;

import java.util.ArrayList;
import java.util.List;

/**
 * Twin of {@link dev.racelock.samples.race.UnsynchronizedInventory}: the list and the count are
 * only touched while holding the inventory's monitor.
 */
// expect none
public final class SynchronizedInventory {

    private final List<String> items = new ArrayList<>();
    private int count;

    synchronized void add(String item) {
        items.add(item);
        count++;
    }

    synchronized int count() {
        return count;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronizedInventory inventory = new SynchronizedInventory();
        Thread first = new Thread(() -> inventory.add("apples"), "stocker-1");
        Thread second = new Thread(() -> inventory.add("pears"), "stocker-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("count = " + inventory.count());
    }
}
