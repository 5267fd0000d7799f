package com.example.counter;

/** Set from one thread, read from another, with nothing ordering them. */
public class Gauge {
    private long level;

    public void set(long value) {
        level = value;
    }

    public long level() {
        return level;
    }
}
