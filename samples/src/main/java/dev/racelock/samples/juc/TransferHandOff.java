package dev.racelock.samples.juc;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;

/**
 * A producer fills each {@code Order} before handing it over with {@code transfer} or
 * {@code tryTransfer(e, timeout, unit)}; the consumer reads it after taking it. A
 * {@code tryTransfer(e)} made while no consumer waits returns false and inserts nothing: its
 * order is put afterwards. Twin: {@link TransferWrittenAfterTransfer}.
 */
// requires juc
// expect none
public final class TransferHandOff {
    static final class Order {
        int quantity;
    }

    public static void main(String[] args) throws InterruptedException {
        TransferQueue<Order> queue = new LinkedTransferQueue<>();
        Order first = new Order();
        first.quantity = 1;
        if (!queue.tryTransfer(first)) { // nobody is waiting yet: false
            queue.put(first);
        }
        Thread producer = new Thread(() -> {
            try {
                for (int i = 2; i <= 100; i++) {
                    Order order = new Order();
                    order.quantity = i;
                    if (i % 2 == 0) {
                        queue.transfer(order);
                    } else if (!queue.tryTransfer(order, 1, TimeUnit.DAYS)) {
                        throw new IllegalStateException("not taken");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
