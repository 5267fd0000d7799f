package dev.racelock.samples.juc;

import java.util.concurrent.LinkedBlockingDeque;

/**
 * Bug: the producer sets the order's quantity after {@code putFirst} on a {@code
 * LinkedBlockingDeque}, so the consumer's read after {@code takeLast} is not ordered after the
 * write. Fix: {@link DequeEndsHandOff}.
 */
// requires juc
public final class DequeEndsWrittenAfterPut {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        LinkedBlockingDeque<Order> deque = new LinkedBlockingDeque<>();
        Thread producer = new Thread(() -> {
            Order order = new Order();
            put(deque, order);
            order.quantity = 7; // expect race(write, Order.quantity)
        }, "producer");
        producer.start();
        int quantity = deque.takeLast().quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }

    static void put(LinkedBlockingDeque<Order> deque, Order order) {
        try {
            deque.putFirst(order);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
