package dev.racelock.analyzer.hb;

import dev.racelock.trace.ArrayGrowth;

import java.util.Arrays;

/**
 * A vector clock: one logical time per thread (Lamport / Mattern), growing as threads appear.
 * Entry {@code t} of thread {@code t}'s own clock is its current epoch (FastTrack, PLDI 2009, §3).
 *
 * <p><b>Entries shared until written.</b> {@link #copyFrom}, and a join into a clock the other
 * covers, take the other clock's array instead of copying it; both then copy it before they
 * write an entry, except one entry each, which a sharing clock keeps beside the array (its
 * <em>hot</em> entry). That entry is a thread's own: it ticks at every release, so a thread that
 * releases one lock, volatile or hand-off after another without acquiring anything new in
 * between leaves them all holding the same array. With it, the Commons Pool test-suite trace's
 * lock, volatile and token clocks fit in a 2 GB heap (docs/performance.md, issue 16).
 */
public final class VectorClock {

    private static final int[] EMPTY = new int[0];

    private int[] c;
    /** {@link #c} may be held by another clock too: it is copied before an entry of it is written. */
    private boolean sharing;
    /** While sharing: the one entry written since, kept here instead of in {@link #c}; -1 for none. */
    private int hot = -1;
    private int hotValue;
    /** Changes whenever an entry may have changed: a clock that joined this one at the same version covers it. */
    private long version;

    public VectorClock() {
        c = EMPTY;
        sharing = true;
    }

    /**
     * A copy of {@code other} with an array of its own: a thread's clock kept for later (a
     * snapshot) is read, while the thread goes on writing; sharing would only move the copy to
     * the thread's next join.
     */
    public VectorClock(VectorClock other) {
        int[] o = other.c;
        c = Arrays.copyOf(o, Math.max(o.length, other.hot + 1));
        if (other.hot >= 0) {
            c[other.hot] = other.hotValue;
        }
    }

    public int get(int thread) {
        if (thread == hot) {
            return hotValue;
        }
        int[] v = c;
        return thread < v.length ? v[thread] : 0;
    }

    public void set(int thread, int value) {
        version++;
        if (sharing) {
            if (hot < 0 || hot == thread) {
                hot = thread;
                hotValue = value;
                return;
            }
            unshare();
        }
        if (thread >= c.length) {
            c = ArrayGrowth.toFit(c, thread);
        }
        c[thread] = value;
    }

    public void increment(int thread) {
        set(thread, get(thread) + 1);
    }

    public long version() {
        return version;
    }

    /**
     * this := this ⊔ other (pointwise maximum). A clock with an array of its own joins in place,
     * as a plain vector clock; a sharing one first looks whether anything changes, and takes the
     * other's array when the other covers it.
     */
    public void join(VectorClock other) {
        version++;
        if (other == this) {
            return;
        }
        if (sharing) {
            int order = compare(other);
            if ((order & OTHER_AHEAD) == 0) {
                return; // nothing new: the array stays shared
            }
            if ((order & THIS_AHEAD) == 0) {
                shareFrom(other); // other covers this: its entries are the join
            } else {
                joinIntoNewArray(other);
            }
            return;
        }
        int[] o = other.c;
        int otherHot = other.hot;
        int mine = otherHot >= 0 ? get(otherHot) : 0;
        if (o.length > c.length || otherHot >= c.length) {
            c = Arrays.copyOf(c, Math.max(o.length, otherHot + 1));
        }
        int[] v = c;
        for (int i = 0; i < o.length; i++) {
            if (o[i] > v[i]) {
                v[i] = o[i];
            }
        }
        if (otherHot >= 0) {
            v[otherHot] = Math.max(mine, other.hotValue); // other's array may hold an older value there
        }
    }

    /** this := this ⊔ other into an array of this clock's own, in one pass (this is sharing). */
    private void joinIntoNewArray(VectorClock other) {
        int[] o = other.c;
        int[] v = c;
        int[] m = new int[Math.max(Math.max(o.length, v.length), Math.max(hot, other.hot) + 1)];
        for (int i = 0; i < m.length; i++) {
            int a = i < v.length ? v[i] : 0;
            int b = i < o.length ? o[i] : 0;
            m[i] = Math.max(a, b);
        }
        // the hot entries are kept beside the arrays, which may hold older values there
        if (hot >= 0) {
            m[hot] = Math.max(hotValue, other.get(hot));
        }
        if (other.hot >= 0) {
            m[other.hot] = Math.max(get(other.hot), other.hotValue);
        }
        c = m;
        sharing = false;
        hot = -1;
    }

    /** this := other, sharing its entries. */
    public void copyFrom(VectorClock other) {
        version++;
        if (other != this) {
            shareFrom(other);
        }
    }

    public void clear() {
        version++;
        c = EMPTY;
        sharing = true;
        hot = -1;
    }

    /** {@link #compare} bits: some entry of the other clock is greater, some entry of this one is. */
    private static final int OTHER_AHEAD = 1, THIS_AHEAD = 2;

    /** Which of the two clocks has an entry greater than the other's ({@link #OTHER_AHEAD}, {@link #THIS_AHEAD}), in one pass. */
    private int compare(VectorClock other) {
        int[] o = other.c;
        int[] v = c;
        // the hot entries first: a thread's clock is ahead at its own, and the pass can then stop
        // at the first entry where the other is ahead
        int order = compareAt(other, hot) | compareAt(other, other.hot);
        if (o != v) { // the same array: only the hot entries can differ
            int n = Math.max(o.length, v.length);
            for (int i = 0; i < n && order != (OTHER_AHEAD | THIS_AHEAD); i++) {
                int ov = i < o.length ? o[i] : 0;
                int tv = i < v.length ? v[i] : 0;
                if (ov != tv && i != hot && i != other.hot) {
                    order |= ov > tv ? OTHER_AHEAD : THIS_AHEAD;
                }
            }
        }
        return order;
    }

    private int compareAt(VectorClock other, int i) {
        if (i < 0) {
            return 0;
        }
        int ov = other.get(i);
        int tv = get(i);
        return ov > tv ? OTHER_AHEAD : ov < tv ? THIS_AHEAD : 0;
    }

    /** Takes {@code other}'s entries, sharing its array: both copy it before writing an entry. */
    private void shareFrom(VectorClock other) {
        c = other.c;
        sharing = true;
        other.sharing = true;
        hot = other.hot;
        hotValue = other.hotValue;
    }

    /** Gives this clock an array of its own, with the hot entry written in. */
    private void unshare() {
        int[] v = Arrays.copyOf(c, Math.max(c.length, hot + 1));
        if (hot >= 0) {
            v[hot] = hotValue;
        }
        c = v;
        sharing = false;
        hot = -1;
    }

    @Override
    public String toString() {
        int[] v = Arrays.copyOf(c, Math.max(c.length, hot + 1));
        if (hot >= 0) {
            v[hot] = hotValue;
        }
        return Arrays.toString(v);
    }
}
