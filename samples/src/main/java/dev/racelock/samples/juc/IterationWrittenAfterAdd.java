package dev.racelock.samples.juc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bug: the producer sets the item's weight after adding it to a copy-on-write list, so the
 * reader that finds it by iterating the list is not ordered after the write; the other item,
 * put into a map after it was filled and seen through {@code entrySet()}, is. Fix: {@link
 * IterationHandOff}.
 */
// requires juc
public final class IterationWrittenAfterAdd {
    static final class Item {
        int weight;
    }

    static final class Entry {
        int size;
    }

    public static void main(String[] args) throws InterruptedException {
        CopyOnWriteArrayList<Item> list = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
        Thread producer = new Thread(() -> {
            Entry entry = new Entry();
            entry.size = 3;
            map.put("entry", entry);
            Item item = new Item();
            list.add(item);
            item.weight = 7; // expect race(write, Item.weight)
        }, "producer");
        producer.start();
        while (list.isEmpty() || map.isEmpty()) {
            Thread.onSpinWait();
        }
        int weight = 0;
        for (Item item : list) {
            weight += item.weight; // expect race(read, Item.weight)
        }
        for (Map.Entry<String, Entry> e : map.entrySet()) {
            weight += e.getValue().size;
        }
        producer.join();
        System.out.println("weight " + weight);
    }
}
