package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A producer fills each {@code Order} before {@code offer} on a {@code ConcurrentLinkedQueue}; the
 * consumer reads it after polling THAT order. Twin: {@link ConcurrentQueueWrittenAfterOffer}.
 */
// requires juc
// expect none
public final class ConcurrentQueueHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentLinkedQueue<Order> queue = new ConcurrentLinkedQueue<>();
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100; i++) {
                Order order = new Order();
                order.quantity = i;
                queue.offer(order);
            }
        }, "producer");
        producer.start();
        long total = 0;
        for (int i = 0; i < 100; i++) {
            total += poll(queue).quantity;
        }
        producer.join();
        System.out.println("total " + total);
    }

    static Order poll(ConcurrentLinkedQueue<Order> queue) {
        Order order;
        while ((order = queue.poll()) == null) {
            Thread.onSpinWait();
        }
        return order;
    }
}
