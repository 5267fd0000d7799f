package com.example.counter;

import java.util.concurrent.atomic.AtomicLong;

/** Every access under the object's monitor, or atomic. */
public class SafeCounter {
    private int hits;
    private final AtomicLong total = new AtomicLong();

    public synchronized void hit() {
        hits++;
        total.incrementAndGet();
    }

    public synchronized int hits() {
        return hits;
    }

    public long total() {
        return total.get();
    }
}
