package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Bug: the producer sets the order's quantity after {@code offerFirst} on a {@code
 * ConcurrentLinkedDeque}, so the consumer's read after {@code pollLast} is not ordered after the
 * write. Fix: {@link ConcurrentDequeHandOff}.
 */
// requires juc
public final class ConcurrentDequeWrittenAfterOffer {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentLinkedDeque<Order> deque = new ConcurrentLinkedDeque<>();
        Thread producer = new Thread(() -> {
            Order order = new Order();
            deque.offerFirst(order);
            order.quantity = 7; // expect race(write, Order.quantity)
        }, "producer");
        producer.start();
        int quantity = pollLast(deque).quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }

    static Order pollLast(ConcurrentLinkedDeque<Order> deque) {
        Order order;
        while ((order = deque.pollLast()) == null) {
            Thread.onSpinWait();
        }
        return order;
    }
}
