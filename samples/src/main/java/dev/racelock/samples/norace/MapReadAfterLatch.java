package dev.racelock.samples.norace;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link HashMap} filled by one thread and then only read, by many, after a
 * {@link CountDownLatch} (countDown happens-before the await it releases) and after a
 * {@code Thread.join}: reads never race with reads, and every write is ordered before them.
 * Twin of {@link dev.racelock.samples.race.MapCheckThenPut} (the shared map done right).
 */
// requires juc
// expect none
public final class MapReadAfterLatch {

    public static void main(String[] args) throws InterruptedException {
        Map<String, Integer> prices = new HashMap<>();
        CountDownLatch filled = new CountDownLatch(1);
        Thread loader = new Thread(() -> {
            prices.put("apple", 3);
            prices.put("pear", 4);
            filled.countDown();
        }, "loader");
        int[] seen = new int[3];
        Thread[] readers = new Thread[3];
        for (int i = 0; i < readers.length; i++) {
            int slot = i;
            readers[i] = new Thread(() -> {
                try {
                    filled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                seen[slot] = prices.get("apple") + prices.size();
            }, "reader-" + i);
        }
        loader.start();
        for (Thread r : readers) {
            r.start();
        }
        loader.join();
        int total = prices.get("pear");
        for (Thread r : readers) {
            r.join();
        }
        System.out.println("total " + (total + seen[0] + seen[1] + seen[2]));
    }
}
