package com.example.tally;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyTest {

    @Test
    void twoThreadsAdd() throws InterruptedException {
        Tally tally = new Tally();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                tally.add();
            }
        };
        Thread first = new Thread(work, "first");
        Thread second = new Thread(work, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        assertTrue(tally.count() > 0);
    }
}
