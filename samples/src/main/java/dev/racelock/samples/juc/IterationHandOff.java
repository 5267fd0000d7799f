package dev.racelock.samples.juc;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * A producer fills each {@code Item} before adding it to a copy-on-write list, a concurrent
 * queue and deque, and putting it into two concurrent maps; the reader waits until it sees them
 * all (by size, which orders nothing) and reads them through iterators, {@code forEach},
 * {@code stream()}, {@code parallelStream()}, {@code entrySet()} and {@code keySet()}: seeing
 * an element is ordered after its insertion, as a peek. Twin: {@link IterationWrittenAfterAdd}.
 */
// requires juc
// expect none
public final class IterationHandOff {
    static final class Item implements Comparable<Item> {
        final int id;
        int weight;

        Item(int id) {
            this.id = id;
        }

        @Override
        public int compareTo(Item other) {
            return Integer.compare(id, other.id);
        }
    }

    static final int COUNT = 20;

    public static void main(String[] args) throws InterruptedException {
        List<Item> list = new CopyOnWriteArrayList<>();
        Queue<Item> queue = new ConcurrentLinkedQueue<>();
        LinkedBlockingDeque<Item> deque = new LinkedBlockingDeque<>();
        ConcurrentMap<String, Item> byName = new ConcurrentHashMap<>();
        ConcurrentSkipListMap<Item, Integer> sorted = new ConcurrentSkipListMap<>();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < COUNT; i++) {
                Item a = new Item(i);
                a.weight = i;
                list.add(a);
                Item b = new Item(i);
                b.weight = i;
                queue.offer(b);
                Item d = new Item(i);
                d.weight = i;
                deque.offerLast(d);
                Item m = new Item(i);
                m.weight = i;
                byName.put("item" + i, m);
                Item k = new Item(i);
                k.weight = i;
                sorted.put(k, i);
            }
        }, "producer");
        producer.start();
        while (list.size() < COUNT || queue.size() < COUNT || deque.size() < COUNT || byName.size() < COUNT
                || sorted.size() < COUNT) {
            Thread.onSpinWait();
        }
        long total = 0;
        for (Item item : list) {
            total += item.weight;
        }
        long[] sum = new long[1];
        queue.forEach(item -> sum[0] += item.weight);
        total += sum[0];
        total += deque.stream().mapToInt(item -> item.weight).sum();
        total += deque.parallelStream().mapToInt(item -> item.weight).sum();
        for (Map.Entry<String, Item> entry : byName.entrySet()) {
            total += entry.getValue().weight;
        }
        for (Iterator<Item> it = sorted.keySet().iterator(); it.hasNext(); ) {
            total += it.next().weight;
        }
        byName.forEach((name, item) -> sum[0] += item.weight);
        producer.join();
        System.out.println("total " + (total + sum[0]));
    }
}
