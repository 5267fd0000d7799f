package com.example.tally;

/** Counts without synchronization: a data race when two threads add. */
public final class Tally {

    private int count;

    public void add() {
        count++;
    }

    public int count() {
        return count;
    }
}
