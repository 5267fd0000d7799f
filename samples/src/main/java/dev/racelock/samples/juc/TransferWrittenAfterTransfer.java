package dev.racelock.samples.juc;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TransferQueue;

/**
 * Bug: the producer sets the order's quantity after {@code transfer} returned (the consumer has
 * taken the order by then, and reads it), so the read is not ordered after the write. Fix:
 * {@link TransferHandOff}.
 */
// requires juc
public final class TransferWrittenAfterTransfer {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        TransferQueue<Order> queue = new LinkedTransferQueue<>();
        Thread producer = new Thread(() -> {
            try {
                Order order = new Order();
                queue.transfer(order);
                order.quantity = 7; // expect race(write, Order.quantity)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        int quantity = queue.take().quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }
}
