package dev.racelock.samples.juc;

import java.util.concurrent.LinkedTransferQueue;

/**
 * A producer fills each {@code Order} before {@code put} on a {@code LinkedTransferQueue}; the
 * consumer reads it after taking THAT order. Twin: {@link TransferQueueWrittenAfterPut}.
 */
// requires juc
// expect none
public final class TransferQueueHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        LinkedTransferQueue<Order> queue = new LinkedTransferQueue<>();
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100; i++) {
                Order order = new Order();
                order.quantity = i;
                queue.put(order);
            }
        }, "producer");
        producer.start();
        long total = 0;
        for (int i = 0; i < 100; i++) {
            total += queue.take().quantity;
        }
        producer.join();
        System.out.println("total " + total);
    }
}
