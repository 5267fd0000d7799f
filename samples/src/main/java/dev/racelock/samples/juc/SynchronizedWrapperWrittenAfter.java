package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bug: the producer sets the weights only after handing the items over, through a synchronized
 * list and a set over a ConcurrentHashMap; the consumer's reads are ordered after the hand-offs,
 * not after the writes. Fix: {@link SynchronizedWrapperHandOff} (fill in, then hand over).
 */
// requires juc
public final class SynchronizedWrapperWrittenAfter {
    static final class Item {
        int weight;
    }

    public static void main(String[] args) throws InterruptedException {
        List<Item> list = Collections.synchronizedList(new ArrayList<>());
        Set<Item> set = Collections.newSetFromMap(new ConcurrentHashMap<>());
        Item item = new Item();
        Thread producer = new Thread(() -> {
            list.add(item);
            set.add(item);
            item.weight = 5; // expect race(write, Item.weight)
        }, "producer");
        producer.start();
        while (!set.contains(item)) {
            Thread.onSpinWait();
        }
        System.out.println("weight " + list.get(0).weight); // expect race(read, Item.weight)
        producer.join();
    }
}
