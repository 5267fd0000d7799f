package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A producer fills each {@code Order} before {@code offerFirst} on a {@code
 * ConcurrentLinkedDeque}; the consumer reads it after {@code pollLast} of THAT order. Twin: {@link
 * ConcurrentDequeWrittenAfterOffer}.
 */
// requires juc
// expect none
public final class ConcurrentDequeHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentLinkedDeque<Order> deque = new ConcurrentLinkedDeque<>();
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100; i++) {
                Order order = new Order();
                order.quantity = i;
                deque.offerFirst(order);
            }
        }, "producer");
        producer.start();
        long total = 0;
        for (int i = 0; i < 100; i++) {
            total += pollLast(deque).quantity;
        }
        producer.join();
        System.out.println("total " + total);
    }

    static Order pollLast(ConcurrentLinkedDeque<Order> deque) {
        Order order;
        while ((order = deque.pollLast()) == null) {
            Thread.onSpinWait();
        }
        return order;
    }
}
