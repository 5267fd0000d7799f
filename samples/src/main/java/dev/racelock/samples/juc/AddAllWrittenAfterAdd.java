package dev.racelock.samples.juc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Bug: {@link AddAllHandOff} with the second order's quantity written after the batch was
 * inserted, so nothing orders that write before the consumer's read.
 */
// requires juc
public final class AddAllWrittenAfterAdd {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Order> queue = new LinkedBlockingQueue<>();
        Set<Order> seen = new CopyOnWriteArraySet<>();
        Order first = new Order();
        Order second = new Order();
        CountDownLatch started = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            first.quantity = 3;
            seen.addAll(List.of(first, second));
            queue.addAll(List.of(first, second));
            second.quantity = 4; // expect race(write, Order.quantity)
        }, "producer");
        producer.start();
        started.countDown(); // the orders were built before: only addAll orders their quantities
        long total = queue.take().quantity + queue.take().quantity; // expect race(read, Order.quantity)
        if (seen.contains(first) && seen.contains(second)) {
            total += first.quantity + second.quantity;
        }
        producer.join();
        System.out.println("total " + total);
    }
}
