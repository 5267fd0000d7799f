package com.example.app;

import com.example.counter.Counter;

/** Publishes its total through a plain field: a reader on another thread races with the update. */
public class Tally {
    private final Counter counter = new Counter();
    private int published;

    public void add() {
        counter.hit();
        published = counter.hits();
    }

    public int published() {
        return published;
    }
}
