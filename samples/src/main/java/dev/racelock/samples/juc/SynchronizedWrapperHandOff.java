package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A producer fills in each item, then hands it over through a synchronized list, a synchronized
 * map and a set over a ConcurrentHashMap; a consumer waits until it sees each item and reads its
 * weight. Every method of a {@code Collections.synchronizedX} wrapper runs under the wrapper's
 * own monitor (the one its javadoc tells the program to hold while iterating), so the wrapper is
 * a lock; a {@code Collections.newSetFromMap(new ConcurrentHashMap<>())} set keeps the map's
 * hand-offs (ConcurrentMap: placing a key happens-before accessing it in another thread). Twin:
 * {@link SynchronizedWrapperWrittenAfter}.
 */
// requires juc
// expect none
public final class SynchronizedWrapperHandOff {
    static final class Item {
        int weight;
    }

    public static void main(String[] args) throws InterruptedException {
        List<Item> list = Collections.synchronizedList(new ArrayList<>());
        Map<String, Item> map = Collections.synchronizedMap(new HashMap<>());
        Set<Item> set = Collections.newSetFromMap(new ConcurrentHashMap<>());
        Item listed = new Item();
        Item mapped = new Item();
        Item member = new Item();
        Thread producer = new Thread(() -> {
            listed.weight = 1;
            list.add(listed);
            mapped.weight = 2;
            map.put("mapped", mapped);
            member.weight = 3;
            set.add(member);
        }, "producer");
        Thread consumer = new Thread(() -> {
            while (list.isEmpty()) {
                Thread.onSpinWait();
            }
            int total = list.get(0).weight;
            Item fromMap;
            while ((fromMap = map.get("mapped")) == null) {
                Thread.onSpinWait();
            }
            total += fromMap.weight;
            while (!set.contains(member)) {
                Thread.onSpinWait();
            }
            total += member.weight;
            synchronized (map) { // the wrapper's own lock: iterate under it
                for (Item item : map.values()) {
                    total += item.weight;
                }
            }
            System.out.println("total " + total);
        }, "consumer");
        consumer.start();
        producer.start();
        producer.join();
        consumer.join();
    }
}
