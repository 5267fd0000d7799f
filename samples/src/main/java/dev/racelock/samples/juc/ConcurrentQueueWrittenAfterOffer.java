package dev.racelock.samples.juc;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Bug: the producer sets the order's quantity after {@code offer} on a {@code
 * ConcurrentLinkedQueue}, so the consumer's read after {@code poll} is not ordered after the
 * write. Fix: {@link ConcurrentQueueHandOff}.
 */
// requires juc
public final class ConcurrentQueueWrittenAfterOffer {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentLinkedQueue<Order> queue = new ConcurrentLinkedQueue<>();
        Thread producer = new Thread(() -> {
            Order order = new Order();
            queue.offer(order);
            order.quantity = 7; // expect race(write, Order.quantity)
        }, "producer");
        producer.start();
        int quantity = poll(queue).quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }

    static Order poll(ConcurrentLinkedQueue<Order> queue) {
        Order order;
        while ((order = queue.poll()) == null) {
            Thread.onSpinWait();
        }
        return order;
    }
}
