package dev.racelock.analyzer.hb;

import dev.racelock.trace.ArrayGrowth;

import java.util.Arrays;

/**
 * A vector clock: one logical time per thread (Lamport / Mattern), growing as threads appear.
 * Entry {@code t} of thread {@code t}'s own clock is its current epoch (FastTrack, PLDI 2009, §3).
 */
public final class VectorClock {

    private int[] c;
    /** Changes whenever an entry may have changed: a clock that joined this one at the same version covers it. */
    private long version;

    public VectorClock() {
        c = new int[8];
    }

    public VectorClock(VectorClock other) {
        c = other.c.clone();
    }

    public int get(int thread) {
        int[] v = c;
        return thread < v.length ? v[thread] : 0;
    }

    public void set(int thread, int value) {
        if (thread >= c.length) { // a per-event path: no field store unless it grows
            c = ArrayGrowth.toFit(c, thread);
        }
        c[thread] = value;
        version++;
    }

    public void increment(int thread) {
        set(thread, get(thread) + 1);
    }

    public long version() {
        return version;
    }

    /** this := this ⊔ other (pointwise maximum). */
    public void join(VectorClock other) {
        version++;
        int[] o = other.c;
        if (o.length > c.length) {
            c = Arrays.copyOf(c, o.length);
        }
        int[] v = c;
        for (int i = 0; i < o.length; i++) {
            if (o[i] > v[i]) {
                v[i] = o[i];
            }
        }
    }

    /** this := other, reusing this clock's storage. */
    public void copyFrom(VectorClock other) {
        version++;
        int[] o = other.c;
        if (o.length > c.length) {
            c = o.clone();
        } else {
            System.arraycopy(o, 0, c, 0, o.length);
            Arrays.fill(c, o.length, c.length, 0);
        }
    }

    public void clear() {
        version++;
        Arrays.fill(c, 0);
    }

    @Override
    public String toString() {
        return Arrays.toString(c);
    }
}
