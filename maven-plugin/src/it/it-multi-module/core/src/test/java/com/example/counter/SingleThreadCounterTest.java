package com.example.counter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SingleThreadCounterTest {

    @Test
    void countsInOneThread() {
        Counter counter = new Counter();
        counter.hit();
        counter.hit();
        assertEquals(2, counter.hits());
    }
}
