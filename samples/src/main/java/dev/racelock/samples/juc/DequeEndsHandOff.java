package dev.racelock.samples.juc;

import java.util.concurrent.LinkedBlockingDeque;

/**
 * A producer fills each {@code Order} before {@code putFirst} on a {@code LinkedBlockingDeque};
 * the consumer reads it after {@code takeLast} of THAT order. Twin: {@link
 * DequeEndsWrittenAfterPut}.
 */
// requires juc
// expect none
public final class DequeEndsHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        LinkedBlockingDeque<Order> deque = new LinkedBlockingDeque<>();
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100; i++) {
                Order order = new Order();
                order.quantity = i;
                put(deque, order);
            }
        }, "producer");
        producer.start();
        long total = 0;
        for (int i = 0; i < 100; i++) {
            total += deque.takeLast().quantity;
        }
        producer.join();
        System.out.println("total " + total);
    }

    static void put(LinkedBlockingDeque<Order> deque, Order order) {
        try {
            deque.putFirst(order);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
