package com.example.counter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RacyCounterTest {

    @Test
    void countsFromTwoThreads() throws InterruptedException {
        Counter counter = new Counter();
        Thread first = new Thread(counter::hit);
        Thread second = new Thread(counter::hit);
        first.start();
        second.start(); // nothing orders the two hits
        first.join();
        second.join();
        assertTrue(counter.hits() > 0);
    }
}
