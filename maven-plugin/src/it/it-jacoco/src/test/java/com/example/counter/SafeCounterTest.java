package com.example.counter;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SafeCounterTest {

    @Test
    void countsFromAPool() throws InterruptedException {
        SafeCounter counter = new SafeCounter();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 100; i++) {
            pool.execute(() -> {
                counter.hit();   // synchronized: JaCoCo's probes in it are ordered by the monitor
                counter.total(); // not synchronized: its probes are written by every pool thread
            });
        }
        pool.shutdown();
        assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(100, counter.hits());
        assertEquals(100, counter.total());
    }
}
