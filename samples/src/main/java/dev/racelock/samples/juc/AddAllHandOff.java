package dev.racelock.samples.juc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A producer fills a batch of {@code Order}s and inserts the whole batch with
 * {@code addAll}, into a queue and into a copy-on-write set; the consumer takes each order from
 * the queue, and finds the set's orders with {@code contains}: each element is ordered after
 * its insertion, as with {@code add}. Twin: {@link AddAllWrittenAfterAdd}.
 */
// requires juc
// expect none
public final class AddAllHandOff {
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
            second.quantity = 4;
            seen.addAll(List.of(first, second));
            queue.addAll(List.of(first, second));
        }, "producer");
        producer.start();
        started.countDown(); // the orders were built before: only addAll orders their quantities
        long total = queue.take().quantity + queue.take().quantity;
        if (seen.contains(first) && seen.contains(second)) {
            total += first.quantity + second.quantity;
        }
        producer.join();
        System.out.println("total " + total);
    }
}
