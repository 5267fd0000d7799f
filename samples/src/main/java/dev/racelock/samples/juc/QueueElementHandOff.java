package dev.racelock.samples.juc;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A producer fills each {@code Order} before putting it on a queue; the consumer reads it after
 * taking THAT order (BlockingQueue memory-consistency effects). Twin:
 * {@link QueueElementWrittenAfterPut}.
 */
// requires juc
// expect none
public final class QueueElementHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Order> queue = new LinkedBlockingQueue<>();
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100; i++) {
                Order order = new Order();
                order.quantity = i;
                queue.add(order);
            }
        }, "producer");
        producer.start();
        long total = 0;
        for (int i = 0; i < 100; i++) {
            total += queue.take().quantity;
        }
        System.out.println("total " + total);
    }
}
