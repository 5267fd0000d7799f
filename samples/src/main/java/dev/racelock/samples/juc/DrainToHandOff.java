package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A producer fills each {@code Order} before {@code put}; the consumer moves the orders out in
 * batches with {@code drainTo(list)} and {@code drainTo(set, max)} and reads them: each drained
 * element is ordered after its own insertion, as a {@code take} would be.
 * Twin: {@link DrainToWrittenAfterPut}.
 */
// requires juc
// expect none
public final class DrainToHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Order> queue = new LinkedBlockingQueue<>();
        BlockingQueue<Order> bounded = new ArrayBlockingQueue<>(8);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 100; i++) {
                    Order order = new Order();
                    order.quantity = i;
                    queue.put(order);
                    Order other = new Order();
                    other.quantity = i;
                    bounded.put(other);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        List<Order> batch = new ArrayList<>();
        Set<Order> set = new HashSet<>();
        long total = 0;
        int drained = 0;
        int fromBounded = 0;
        while (drained < 100 || fromBounded < 100) {
            batch.clear();
            drained += queue.drainTo(batch);
            for (Order order : batch) {
                total += order.quantity;
            }
            set.clear();
            fromBounded += bounded.drainTo(set, 5);
            for (Order order : set) {
                total += order.quantity;
            }
            Thread.onSpinWait();
        }
        producer.join();
        System.out.println("total " + total);
    }
}
