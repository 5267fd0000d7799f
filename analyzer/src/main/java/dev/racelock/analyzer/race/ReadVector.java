package dev.racelock.analyzer.race;

import dev.racelock.analyzer.hb.VectorClock;
import dev.racelock.trace.ArrayGrowth;

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

    // One entry per reading thread: seven ints kept together in one array, so that an entry is
    // read from one place and an insertion, a growth or a copy moves one array. The layout of an
    // entry, the position last: the history sameAs compares is then the entry's first ints.
    private static final int SLOT = 0, THREAD = 1, CLOCK = 2, SITE = 3, CONTEXT = 4, LOCK_SET = 5, POSITION = 6;
    private static final int WIDTH = 7;

    boolean active;
    private int size;
    private int[] entries = new int[4 * WIDTH];

    AccessRecord record(int i) {
        int e = i * WIDTH;
        return new AccessRecord(entries[e + THREAD], false, entries[e + SITE], entries[e + CONTEXT],
                entries[e + LOCK_SET], -1);
    }

    /** The epoch of entry {@code i}'s read. */
    int clockAt(int i) {
        return entries[i * WIDTH + CLOCK];
    }

    /** The position of entry {@code i}'s read (SchedulableOrder). */
    int positionAt(int i) {
        return entries[i * WIDTH + POSITION];
    }

    private int slotAt(int i) {
        return entries[i * WIDTH + SLOT];
    }

    /** The first entry of a slot above {@code s} (entries of slot s end just before it). */
    private int slotEnd(int s) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (slotAt(mid) <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The entry of thread {@code t}, whose slot is {@code s}, or -1. Its present holder's entry comes last. */
    private int indexOf(int t, int s) {
        for (int i = slotEnd(s) - 1; i >= 0 && slotAt(i) == s; i--) {
            if (entries[i * WIDTH + THREAD] == t) {
                return i;
            }
        }
        return -1;
    }

    /** The clock of the last read of thread {@code t} (slot {@code s}), 0 for none. */
    int clock(int t, int s) {
        int i = indexOf(t, s);
        return i < 0 ? 0 : clockAt(i);
    }

    /** The site of that read (only meaningful when {@link #clock} is not 0). */
    int site(int t, int s) {
        return entries[indexOf(t, s) * WIDTH + SITE];
    }

    void set(int t, int s, int c, int st, int ctx, int locks, int pos) {
        int i = indexOf(t, s);
        if (i < 0) {
            i = slotEnd(s);
            entries = ArrayGrowth.toFit(entries, (size + 1) * WIDTH - 1);
            System.arraycopy(entries, i * WIDTH, entries, (i + 1) * WIDTH, (size - i) * WIDTH);
            size++;
            entries[i * WIDTH + SLOT] = s;
            entries[i * WIDTH + THREAD] = t;
        }
        int e = i * WIDTH;
        entries[e + CLOCK] = c;
        entries[e + SITE] = st;
        entries[e + CONTEXT] = ctx;
        entries[e + LOCK_SET] = locks;
        entries[e + POSITION] = pos;
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
            int s = slotAt(i);
            int k = known.get(s);
            while (i >= 0 && slotAt(i) == s && clockAt(i) > k) {
                out[n++] = (long) entries[i * WIDTH + THREAD] << 32 | i;
                i--;
            }
            if (i >= 0 && slotAt(i) == s) {
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
        if (entries.length < o.size * WIDTH) {
            entries = new int[o.entries.length];
        }
        size = o.size;
        active = o.active;
        System.arraycopy(o.entries, 0, entries, 0, size * WIDTH);
    }

    /** The same reads, positions aside (AccessState.sameAs). */
    boolean sameAs(ReadVector o) {
        if (size != o.size || active != o.active) {
            return false;
        }
        for (int e = 0; e < size * WIDTH; e += WIDTH) {
            if (!Arrays.equals(entries, e, e + POSITION, o.entries, e, e + POSITION)) {
                return false;
            }
        }
        return true;
    }
}
