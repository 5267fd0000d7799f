package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.hb.VectorClock;
import dev.racelock.analyzer.state.LockClass;
import dev.racelock.trace.LockFlags;

/**
 * One acquisition that made a lock-order edge: thread {@code thread} took {@code lock} while
 * holding {@code held} (the edge's source among them). Kept as a witness: the cycle check picks
 * one per edge and needs its thread, held set (gate locks), clock (happens-before) and flags.
 *
 * @param clock the thread's clock at the acquisition, counting only edges that are not lock
 *              edges (start/join, volatile, hand-offs)
 * @param slot  the thread's entry in clocks (HappensBefore.slot)
 * @param position where the thread was in the trace, for the deadlock prediction
 *                 (SyncPreservingTrace.position); 0 when nothing predicts
 * @param test  the test the thread was in (TestTimeline id), or TestTimeline.NONE
 */
record Acquisition(int thread, long lock, LockClass lockClass, int site, int context, int flags,
                   HeldSnapshot[] held, VectorClock clock, int slot, int position, int test) {

    /** A tryLock or timed acquisition never blocks forever, so it cannot close a deadlock. */
    boolean nonBlocking() {
        return LockFlags.isTry(flags) || LockFlags.isTimed(flags);
    }

    /** True when this acquisition happens before {@code other} (Mattern: my own entry is known to it). */
    boolean happensBefore(Acquisition other) {
        return clock.get(slot) <= other.clock.get(slot);
    }
}
