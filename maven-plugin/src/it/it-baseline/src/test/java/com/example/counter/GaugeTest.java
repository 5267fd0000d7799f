package com.example.counter;

import org.junit.jupiter.api.Test;

class GaugeTest {

    @Test
    void readsWhileAnotherThreadSets() throws InterruptedException {
        Gauge gauge = new Gauge();
        Thread setter = new Thread(() -> gauge.set(42));
        setter.start();
        gauge.level(); // may or may not see 42: nothing orders it with the set
        setter.join();
    }
}
