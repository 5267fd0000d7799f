package com.example.counter;

import dev.racelock.junit.DetectRaces;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DetectRaces
class CleanCounterTest {

    @Test
    void countsFromThreadsOneAfterTheOther() throws InterruptedException {
        Counter counter = new Counter();
        Thread first = new Thread(counter::hit);
        first.start();
        first.join(); // the join orders the first hit before the second thread starts
        Thread second = new Thread(counter::hit);
        second.start();
        second.join();
        assertEquals(2, counter.hits());
    }
}
