package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Bug: the producer sets the order's quantity after {@code put}, so the consumer's read of an
 * order it moved out with {@code drainTo} is not ordered after the write. Fix: {@link
 * DrainToHandOff}.
 */
// requires juc
public final class DrainToWrittenAfterPut {
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
        List<Order> batch = new ArrayList<>();
        while (batch.isEmpty()) {
            queue.drainTo(batch, 1);
            Thread.onSpinWait();
        }
        int quantity = batch.get(0).quantity; // expect race(read, Order.quantity)
        producer.join();
        System.out.println("quantity " + quantity);
    }
}
