package dev.racelock.samples.race;

import java.util.ArrayList;
import java.util.List;

/**
 * Bug: a collection shared without synchronization. Two threads add to an {@link ArrayList} and
 * bump the inventory's own {@code count}.
 *
 * <p>What racelock can see: JDK classes are not instrumented, but each {@code add} is recorded
 * as a write of the list's abstract state (docs/library-model.md), so the race inside the
 * {@code ArrayList} (its {@code size} and {@code elementData}) is reported on the field the list
 * is held in, beside the race on the application's own field {@code count}.
 * Fix: {@link dev.racelock.samples.norace.SynchronizedInventory}.
 */
public final class UnsynchronizedInventory {

    private final List<String> items = new ArrayList<>();
    private int count;

    void add(String item) {
        items.add(item); // expect race(write, UnsynchronizedInventory.items)
        count++; // expect race(read|write, UnsynchronizedInventory.count, lost-update)
    }

    public static void main(String[] args) throws InterruptedException {
        UnsynchronizedInventory inventory = new UnsynchronizedInventory();
        Thread first = new Thread(() -> inventory.add("apples"), "stocker-1");
        Thread second = new Thread(() -> inventory.add("pears"), "stocker-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("count = " + inventory.count);
    }
}
