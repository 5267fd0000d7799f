package com.example.counter;

/** Counts without a lock: two threads that hit it at once lose updates. */
public class Counter {
    private int hits;

    public void hit() {
        hits++;
    }

    public int hits() {
        return hits;
    }
}
