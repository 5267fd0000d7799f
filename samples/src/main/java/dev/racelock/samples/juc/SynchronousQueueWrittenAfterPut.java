package dev.racelock.samples.juc;

import java.util.concurrent.SynchronousQueue;

/**
 * Bug: the producer sets the order's quantity after its {@code put} into a {@code
 * SynchronousQueue} returned: the taker has the order by then, but nothing orders its read after
 * the write. Fix: {@link SynchronousQueueHandOff}.
 */
// requires juc
public final class SynchronousQueueWrittenAfterPut {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronousQueue<Order> queue = new SynchronousQueue<>();
        Thread producer = new Thread(() -> {
            Order order = new Order();
            put(queue, order);
            order.quantity = 7; // expect race(write, Order.quantity)
        }, "producer");
        producer.start();
        int quantity = queue.take().quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }

    static void put(SynchronousQueue<Order> queue, Order order) {
        try {
            queue.put(order);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
