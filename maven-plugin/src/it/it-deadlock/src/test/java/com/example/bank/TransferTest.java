package com.example.bank;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;

class TransferTest {

    @Test
    void transfersBothWaysAtOnce() throws InterruptedException {
        Account a = new Account(100);
        Account b = new Account(100);
        CountDownLatch bothHoldTheirOwn = new CountDownLatch(2);
        Runnable waitForTheOther = () -> {
            bothHoldTheirOwn.countDown();
            try {
                bothHoldTheirOwn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread ab = new Thread(() -> a.transferTo(b, 10, waitForTheOther), "a-to-b");
        Thread ba = new Thread(() -> b.transferTo(a, 10, waitForTheOther), "b-to-a");
        ab.start();
        ba.start();
        ab.join(); // never returns: each thread holds the lock the other one waits for
        ba.join();
    }
}
