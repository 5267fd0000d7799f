package dev.racelock.analyzer.race;

import java.util.Arrays;

/**
 * The read state of a read-shared location: for each thread that read it concurrently, the
 * clock of its last read (with that read's evidence). FastTrack inflates a read epoch to this
 * only when two reads are concurrent, and a write ordered after all reads drops back to an epoch
 * (kept allocated, inactive, to avoid churn). Sparse: as many entries as readers, kept in
 * thread-id order, which is the order a write reports the reads it races with.
 */
final class ReadVector {

    boolean active;
    private int size;
    private int[] thread = new int[4];
    private int[] clock = new int[4];
    private int[] site = new int[4];
    private int[] context = new int[4];
    private int[] lockSet = new int[4];

    int size() {
        return size;
    }

    int thread(int i) {
        return thread[i];
    }

    int clockAt(int i) {
        return clock[i];
    }

    AccessRecord record(int i) {
        return new AccessRecord(thread[i], false, site[i], context[i], lockSet[i], -1);
    }

    private int indexOf(int t) {
        int[] th = thread;
        for (int i = 0, n = size; i < n; i++) {
            if (th[i] == t) {
                return i;
            }
        }
        return -1;
    }

    /** The clock of thread {@code t}'s last read, 0 for none. */
    int clock(int t) {
        int i = indexOf(t);
        return i < 0 ? 0 : clock[i];
    }

    /** The site of thread {@code t}'s last read (only meaningful when {@link #clock} is not 0). */
    int site(int t) {
        return site[indexOf(t)];
    }

    void set(int t, int c, int s, int ctx, int locks) {
        int i = indexOf(t);
        if (i < 0) {
            if (size == thread.length) {
                int n = size * 2;
                thread = Arrays.copyOf(thread, n);
                clock = Arrays.copyOf(clock, n);
                site = Arrays.copyOf(site, n);
                context = Arrays.copyOf(context, n);
                lockSet = Arrays.copyOf(lockSet, n);
            }
            i = size++;
            while (i > 0 && thread[i - 1] > t) {
                thread[i] = thread[i - 1];
                clock[i] = clock[i - 1];
                site[i] = site[i - 1];
                context[i] = context[i - 1];
                lockSet[i] = lockSet[i - 1];
                i--;
            }
            thread[i] = t;
        }
        clock[i] = c;
        site[i] = s;
        context[i] = ctx;
        lockSet[i] = locks;
    }

    void deactivate() {
        size = 0;
        active = false;
    }

    void copyFrom(ReadVector o) {
        if (thread.length < o.size) {
            thread = new int[o.thread.length];
            clock = new int[o.thread.length];
            site = new int[o.thread.length];
            context = new int[o.thread.length];
            lockSet = new int[o.thread.length];
        }
        size = o.size;
        active = o.active;
        System.arraycopy(o.thread, 0, thread, 0, size);
        System.arraycopy(o.clock, 0, clock, 0, size);
        System.arraycopy(o.site, 0, site, 0, size);
        System.arraycopy(o.context, 0, context, 0, size);
        System.arraycopy(o.lockSet, 0, lockSet, 0, size);
    }

    boolean sameAs(ReadVector o) {
        return size == o.size && active == o.active
                && Arrays.equals(thread, 0, size, o.thread, 0, size) && Arrays.equals(clock, 0, size, o.clock, 0, size)
                && Arrays.equals(site, 0, size, o.site, 0, size) && Arrays.equals(context, 0, size, o.context, 0, size)
                && Arrays.equals(lockSet, 0, size, o.lockSet, 0, size);
    }
}
