package dev.racelock.samples.juc;

import java.util.concurrent.SynchronousQueue;

/**
 * A producer fills each {@code Order} before putting it into a {@code SynchronousQueue} (put waits
 * for the taker); the consumer reads it after taking THAT order. Twin: {@link
 * SynchronousQueueWrittenAfterPut}.
 */
// requires juc
// expect none
public final class SynchronousQueueHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronousQueue<Order> queue = new SynchronousQueue<>();
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100; i++) {
                Order order = new Order();
                order.quantity = i;
                put(queue, order);
            }
        }, "producer");
        producer.start();
        long total = 0;
        for (int i = 0; i < 100; i++) {
            total += queue.take().quantity;
        }
        producer.join();
        System.out.println("total " + total);
    }

    static void put(SynchronousQueue<Order> queue, Order order) {
        try {
            queue.put(order);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
