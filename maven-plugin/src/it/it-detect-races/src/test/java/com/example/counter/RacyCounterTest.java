package com.example.counter;

import dev.racelock.junit.DetectRaces;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

@DetectRaces
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
