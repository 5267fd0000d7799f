package dev.racelock.samples.juc;

import java.util.concurrent.LinkedTransferQueue;

/**
 * Bug: the producer sets the order's quantity after {@code put} on a {@code LinkedTransferQueue},
 * so the consumer's read after {@code take} is not ordered after the write. Fix: {@link
 * TransferQueueHandOff}.
 */
// requires juc
public final class TransferQueueWrittenAfterPut {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        LinkedTransferQueue<Order> queue = new LinkedTransferQueue<>();
        Thread producer = new Thread(() -> {
            Order order = new Order();
            queue.put(order);
            order.quantity = 7; // expect race(write, Order.quantity)
        }, "producer");
        producer.start();
        int quantity = queue.take().quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }
}
