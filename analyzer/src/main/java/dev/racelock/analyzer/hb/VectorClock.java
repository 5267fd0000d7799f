package dev.racelock.analyzer.hb;

import java.util.Arrays;

/**
 * A vector clock: one logical time per thread (Lamport / Mattern), growing as threads appear.
 * Entry {@code t} of thread {@code t}'s own clock is its current epoch (FastTrack, PLDI 2009, §3).
 */
public final class VectorClock {

    private int[] c;

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
        if (thread >= c.length) {
            c = Arrays.copyOf(c, Math.max(thread + 1, c.length * 2));
        }
        c[thread] = value;
    }

    public void increment(int thread) {
        set(thread, get(thread) + 1);
    }

    /** this := this ⊔ other (pointwise maximum). */
    public void join(VectorClock other) {
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
        int[] o = other.c;
        if (o.length > c.length) {
            c = o.clone();
        } else {
            System.arraycopy(o, 0, c, 0, o.length);
            Arrays.fill(c, o.length, c.length, 0);
        }
    }

    public void clear() {
        Arrays.fill(c, 0);
    }

    /** True when every entry of this clock is at most the same entry of {@code other} (this ⊑ other). */
    public boolean leq(VectorClock other) {
        for (int i = 0; i < c.length; i++) {
            if (c[i] > other.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Number of entries held (threads known to this clock). */
    public int width() {
        return c.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(c);
    }
}
