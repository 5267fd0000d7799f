package dev.racelock.analyzer.hb;

import dev.racelock.trace.ArrayGrowth;

import java.util.Arrays;

/**
 * Which entry of the vector clocks each thread uses (its slot), so that clocks are as wide as
 * the threads that still matter rather than as every thread that ever lived.
 *
 * <p>A thread that has ended gives its slot back, and a thread started later may take it over,
 * continuing the slot's epochs after the ended thread's last one, as ThreadSanitizer reuses the
 * thread slots of finished threads. This is sound only when the new thread's start already
 * knows every epoch of the old one that an analysis may compare against (the old thread's last
 * <em>observed</em> epoch, see {@link HappensBefore#clock}, or the epoch of its last access the
 * agent kept beside an object, which may reach the trace after the thread ended; see
 * HappensBefore#threadEnd): then a clock entry {@code e} of
 * the slot means the same for both threads. An entry at or below the old thread's last epoch
 * speaks of the old thread only (the new one starts above it); an entry above it was learned
 * from the new thread, whose start knew the old thread's observed epochs, so the holder of that
 * clock knows them too. The start of the new thread knows them when its parent's clock has the
 * slot at or above that epoch: typically the parent joined the old thread, or took a lock, a
 * volatile or a hand-off the old thread released after its last access. An ended thread nobody
 * has heard of keeps its slot.
 *
 * <p><b>When clocks grow too wide</b> ({@code crowded} in {@link #assign}), a start that finds no
 * such slot takes the one whose required epoch it misses by the least. The price is the old
 * threads' moments the start did not know, typically what a thread did after its last
 * synchronization: a clock that learns the new thread's epochs seems to know them too, so a race
 * with one of them may be missed. Nothing is reported falsely (an entry only ever seems to know
 * more, never less). It applies only once clocks are HappensBefore#EXACT_SLOTS wide, and is
 * counted ({@link #handedOnEarly}) so that the report can say so.
 */
final class ThreadSlots {

    /** How many ended threads' slots a start examines, newest first: reuse saves memory, not results. */
    private static final int REUSE_CANDIDATES = 64;

    private int[] slotOf = filled(16);
    private int slots;
    // Per slot: the epoch its next thread starts above, and the last epoch of its ended thread
    // that an analysis observed.
    private int[] lastEpoch = new int[16];
    private int[] observedEpoch = new int[16];
    // Slots of ended threads, in the order they ended.
    private int[] free = new int[16];
    private int freeCount;
    private int handedOnEarly;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** The thread's slot, or -1 before it has one. */
    int slotOf(int thread) {
        return thread < slotOf.length ? slotOf[thread] : -1;
    }

    /**
     * Gives {@code thread} a slot: one freed by an ended thread whose observed epochs
     * {@code start} (the clock the thread starts with) already knows; else, when clocks are
     * {@code crowded}, the freed one whose required epoch it misses by the least (see the class
     * comment); else a new one.
     */
    int assign(int thread, VectorClock start, boolean crowded) {
        if (thread >= slotOf.length) {
            int old = slotOf.length;
            slotOf = ArrayGrowth.toFit(slotOf, thread);
            Arrays.fill(slotOf, old, slotOf.length, -1);
        }
        int s = reusable(start);
        if (s < 0 && crowded && freeCount > 0) {
            s = leastUnknown(start);
            handedOnEarly++;
        }
        if (s < 0) {
            s = slots++;
            lastEpoch = ArrayGrowth.toFit(lastEpoch, s);
            observedEpoch = ArrayGrowth.toFit(observedEpoch, s);
        }
        slotOf[thread] = s;
        return s;
    }

    private int reusable(VectorClock start) {
        for (int i = freeCount - 1, seen = 0; i >= 0 && seen < REUSE_CANDIDATES; i--, seen++) {
            int s = free[i];
            if (start.get(s) >= observedEpoch[s]) {
                return take(i);
            }
        }
        return -1;
    }

    /** Of the freed slots a start examines, the one whose required epoch {@code start} misses by the least. */
    private int leastUnknown(VectorClock start) {
        int best = -1;
        long bestGap = Long.MAX_VALUE;
        for (int i = freeCount - 1, seen = 0; i >= 0 && seen < REUSE_CANDIDATES; i--, seen++) {
            int s = free[i];
            long gap = (long) observedEpoch[s] - start.get(s);
            if (gap < bestGap) {
                best = i;
                bestGap = gap;
            }
        }
        return take(best);
    }

    /** Takes the freed slot at {@code i} of the free list. */
    private int take(int i) {
        int s = free[i];
        System.arraycopy(free, i + 1, free, i, freeCount - i - 1);
        freeCount--;
        return s;
    }

    /** The first epoch of the thread now holding slot {@code s}: above every earlier holder's. */
    int firstEpoch(int s) {
        return lastEpoch[s] + 1;
    }

    /**
     * The thread holding slot {@code s} has ended at epoch {@code last}; {@code observed} is its
     * last epoch an analysis saw. The slot may go to a thread started later, which must then know
     * the observed epochs of every thread that held the slot: a holder never observed leaves the
     * requirement of the one before it in place (knowing any epoch of a later holder implies
     * knowing the earlier holders' observed epochs, since the later one's start knew them).
     */
    void ended(int s, int last, int observed) {
        lastEpoch[s] = last;
        observedEpoch[s] = Math.max(observedEpoch[s], observed);
        free = ArrayGrowth.toFit(free, freeCount);
        free[freeCount++] = s;
    }

    /** Slots handed on before their old thread's last epoch was known (see the class comment). */
    int handedOnEarly() {
        return handedOnEarly;
    }

    /** Slots handed out so far: the width of the widest clock. */
    int count() {
        return slots;
    }
}
