package dev.racelock.analyzer.race;

import dev.racelock.analyzer.hb.VectorClock;

import java.util.Arrays;

/**
 * The read state of a read-shared location: for each thread that read it concurrently, the
 * clock of its last read (with that read's evidence). FastTrack inflates a read epoch to this
 * only when two reads are concurrent, and a write ordered after all reads drops back to an epoch
 * (kept allocated, inactive, to avoid churn).
 *
 * <p>Sparse, with entries ordered by clock slot (HappensBefore.slot) and, within a slot, by
 * clock. Threads that held one slot one after the other have increasing epochs (a later holder
 * starts above the earlier one's last), and only a slot's present holder still reads, so each
 * slot's entries are a sequence whose unordered ones, for a given writer, are a suffix: a write
 * finds the reads it races with in time proportional to the slots in use and those reads, not
 * to every thread that ever read the location.
 */
final class ReadVector {

    boolean active;
    private int size;
    private int[] slot = new int[4];
    private int[] thread = new int[4];
    private int[] clock = new int[4];
    private int[] site = new int[4];
    private int[] context = new int[4];
    private int[] lockSet = new int[4];
    private int[] position = new int[4];

    AccessRecord record(int i) {
        return new AccessRecord(thread[i], false, site[i], context[i], lockSet[i], -1);
    }

    /** The epoch of entry {@code i}'s read. */
    int clockAt(int i) {
        return clock[i];
    }

    /** The position of entry {@code i}'s read (SchedulableOrder). */
    int positionAt(int i) {
        return position[i];
    }

    /** The first entry of a slot above {@code s} (entries of slot s end just before it). */
    private int slotEnd(int s) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (slot[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The entry of thread {@code t}, whose slot is {@code s}, or -1. Its present holder's entry comes last. */
    private int indexOf(int t, int s) {
        for (int i = slotEnd(s) - 1; i >= 0 && slot[i] == s; i--) {
            if (thread[i] == t) {
                return i;
            }
        }
        return -1;
    }

    /** The clock of the last read of thread {@code t} (slot {@code s}), 0 for none. */
    int clock(int t, int s) {
        int i = indexOf(t, s);
        return i < 0 ? 0 : clock[i];
    }

    /** The site of that read (only meaningful when {@link #clock} is not 0). */
    int site(int t, int s) {
        return site[indexOf(t, s)];
    }

    void set(int t, int s, int c, int st, int ctx, int locks, int pos) {
        int i = indexOf(t, s);
        if (i < 0) {
            i = slotEnd(s);
            if (size == thread.length) {
                int n = size * 2;
                slot = Arrays.copyOf(slot, n);
                thread = Arrays.copyOf(thread, n);
                clock = Arrays.copyOf(clock, n);
                site = Arrays.copyOf(site, n);
                context = Arrays.copyOf(context, n);
                lockSet = Arrays.copyOf(lockSet, n);
                position = Arrays.copyOf(position, n);
            }
            int tail = size - i;
            System.arraycopy(slot, i, slot, i + 1, tail);
            System.arraycopy(thread, i, thread, i + 1, tail);
            System.arraycopy(clock, i, clock, i + 1, tail);
            System.arraycopy(site, i, site, i + 1, tail);
            System.arraycopy(context, i, context, i + 1, tail);
            System.arraycopy(lockSet, i, lockSet, i + 1, tail);
            System.arraycopy(position, i, position, i + 1, tail);
            size++;
            slot[i] = s;
            thread[i] = t;
        }
        clock[i] = c;
        site[i] = st;
        context[i] = ctx;
        lockSet[i] = locks;
        position[i] = pos;
    }

    /**
     * The entries whose read is not ordered before {@code known} (the clock of the thread now
     * accessing: a read of clock c in slot s is ordered iff {@code c <= known.get(s)}), in
     * thread-id order, the order FastTrack reports them in: each as {@code thread << 32 | entry}
     * in {@code out}, which must hold {@link #size} of them. Returns how many.
     */
    int unordered(VectorClock known, long[] out) {
        int n = 0;
        int i = size - 1;
        while (i >= 0) {
            int s = slot[i];
            int k = known.get(s);
            while (i >= 0 && slot[i] == s && clock[i] > k) {
                out[n++] = (long) thread[i] << 32 | i;
                i--;
            }
            if (i >= 0 && slot[i] == s) {
                i = slotEnd(s - 1) - 1; // the rest of this slot is ordered: skip to the slot below
            }
        }
        Arrays.sort(out, 0, n);
        return n;
    }

    int size() {
        return size;
    }

    void deactivate() {
        size = 0;
        active = false;
    }

    void copyFrom(ReadVector o) {
        if (thread.length < o.size) {
            int n = o.thread.length;
            slot = new int[n];
            thread = new int[n];
            clock = new int[n];
            site = new int[n];
            context = new int[n];
            lockSet = new int[n];
            position = new int[n];
        }
        size = o.size;
        active = o.active;
        System.arraycopy(o.slot, 0, slot, 0, size);
        System.arraycopy(o.thread, 0, thread, 0, size);
        System.arraycopy(o.clock, 0, clock, 0, size);
        System.arraycopy(o.site, 0, site, 0, size);
        System.arraycopy(o.context, 0, context, 0, size);
        System.arraycopy(o.lockSet, 0, lockSet, 0, size);
        System.arraycopy(o.position, 0, position, 0, size);
    }

    boolean sameAs(ReadVector o) {
        return size == o.size && active == o.active
                && Arrays.equals(thread, 0, size, o.thread, 0, size) && Arrays.equals(clock, 0, size, o.clock, 0, size)
                && Arrays.equals(slot, 0, size, o.slot, 0, size) && Arrays.equals(site, 0, size, o.site, 0, size)
                && Arrays.equals(context, 0, size, o.context, 0, size) && Arrays.equals(lockSet, 0, size, o.lockSet, 0, size);
    }
}
