package dev.racelock.samples.norace;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link HashMap} built by a producer and handed over through a {@link BlockingQueue} (put
 * happens-before the take that removes it, BlockingQueue memory-consistency effects): the
 * consumer owns it afterwards, so its reads and writes are ordered after the producer's.
 * Twin of {@link dev.racelock.samples.race.MapCheckThenPut} (ownership handed over, not shared).
 */
// requires juc
// expect none
public final class MapHandedOverThroughQueue {

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Map<String, Integer>> batches = new ArrayBlockingQueue<>(1);
        Thread producer = new Thread(() -> {
            Map<String, Integer> batch = new HashMap<>();
            batch.put("apple", 3);
            batch.put("pear", 4);
            try {
                batches.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        int[] total = new int[1];
        Thread consumer = new Thread(() -> {
            try {
                Map<String, Integer> batch = batches.take();
                batch.put("plum", 5);
                batch.forEach((k, v) -> total[0] += v);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        System.out.println("total " + total[0]);
    }
}
