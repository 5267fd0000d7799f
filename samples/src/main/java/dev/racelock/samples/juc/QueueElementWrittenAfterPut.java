package dev.racelock.samples.juc;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Bug: the producer sets the order's quantity after putting it on the queue, so the consumer's
 * read is not ordered after the write. Fix: {@link QueueElementHandOff}.
 */
// requires juc
public final class QueueElementWrittenAfterPut {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Order> queue = new LinkedBlockingQueue<>();
        Thread producer = new Thread(() -> {
            Order order = new Order();
            queue.add(order);
            order.quantity = 7; // expect race(write, Order.quantity)
        }, "producer");
        producer.start();
        int quantity = queue.take().quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }
}
