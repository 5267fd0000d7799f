package dev.racelock.analyzer.hb;

import dev.racelock.analyzer.collect.LongObjectMap;

import java.util.Arrays;

/**
 * Happens-before over the sync-consistent event order, as vector clocks: one per thread, per
 * lock, per volatile location and per hand-off token (Flanagan &amp; Freund, FastTrack, PLDI 2009,
 * Fig. 2 sync rules; JLS 17.4.5 for the edges).
 *
 * <ul>
 *   <li>fork: {@code threadStart} joins the parent's clock into the child, then ticks the parent;</li>
 *   <li>join: {@code threadJoin} joins the child's clock into the joiner;</li>
 *   <li>locks: an exclusive release publishes the holder's clock; an exclusive acquire takes the
 *       last exclusive release and every shared release since; a shared (read) acquire takes only
 *       the last exclusive release, and a shared release publishes only to later exclusive
 *       acquires (JDK ReentrantReadWriteLock memory-consistency note);</li>
 *   <li>volatile write -> later volatile read of the same location (JLS 17.4.4);</li>
 *   <li>hbRelease(token) -> later hbAcquire(token) (JDK library hand-offs).</li>
 * </ul>
 *
 * <p>The caller decides which lock events are edges (only the outermost of reentrant holds;
 * see LockHolds). With {@code lockEdges} false, lock events are ignored: the lock-order analysis
 * uses that variant, because an order that only came from which thread happened to get a lock
 * first could have gone the other way.
 */
public final class HappensBefore {

    private final boolean lockEdges;
    private VectorClock[] threads = new VectorClock[16];
    private long[] versions = new long[16];
    // Per thread, the last clock it acquired from and that clock's version then: acquiring again
    // from an unchanged clock (a flag polled in a loop, a lock re-taken by its last owner's
    // successor) needs no join.
    private VectorClock[] lastSource = new VectorClock[16];
    private long[] lastSourceVersion = new long[16];
    private final LongObjectMap<LockClock> locks = new LongObjectMap<>();
    private final LongObjectMap<VectorClock> tokens = new LongObjectMap<>();
    private final LongObjectMap<LongObjectMap<VectorClock>> volatiles = new LongObjectMap<>();

    public HappensBefore(boolean lockEdges) {
        this.lockEdges = lockEdges;
    }

    private static final class LockClock {
        final VectorClock exclusive = new VectorClock();
        VectorClock shared;
    }

    /** Thread {@code t}'s clock; a thread first seen starts at epoch 1 of its own entry. */
    public VectorClock clock(int t) {
        if (t < threads.length) {
            VectorClock c = threads[t];
            if (c != null) {
                return c;
            }
        } else {
            int n = Math.max(t + 1, threads.length * 2);
            threads = Arrays.copyOf(threads, n);
            versions = Arrays.copyOf(versions, n);
            lastSource = Arrays.copyOf(lastSource, n);
            lastSourceVersion = Arrays.copyOf(lastSourceVersion, n);
        }
        VectorClock c = new VectorClock();
        c.set(t, 1);
        threads[t] = c;
        return c;
    }

    /**
     * A counter that changes whenever thread {@code t}'s clock may have changed: two moments of
     * one thread with the same version are ordered the same way against everything.
     */
    public long version(int t) {
        clock(t);
        return versions[t];
    }

    private void changed(int t) {
        versions[t]++;
    }

    /** Thread {@code t} acquires from {@code source}: C_t := C_t ⊔ source, skipped when nothing new. */
    private void acquireFrom(int t, VectorClock source) {
        VectorClock c = clock(t);
        if (lastSource[t] == source && lastSourceVersion[t] == source.version()) {
            return;
        }
        c.join(source);
        lastSource[t] = source;
        lastSourceVersion[t] = source.version();
        changed(t);
    }

    public void threadStart(int parent, int child) {
        VectorClock p = clock(parent);
        clock(child).join(p);
        changed(child);
        p.increment(parent);
        changed(parent);
    }

    public void threadJoin(int joiner, int child) {
        clock(joiner).join(clock(child));
        changed(joiner);
    }

    /** An outermost (or WAIT re-) acquire of {@code lock}. */
    public void acquire(int t, long lock, boolean shared) {
        if (!lockEdges) {
            return;
        }
        LockClock l = locks.get(lock);
        if (l == null) {
            return; // never released: nothing to take
        }
        acquireFrom(t, l.exclusive);
        if (!shared && l.shared != null) {
            acquireFrom(t, l.shared);
        }
    }

    /** An outermost (or WAIT) release of {@code lock}. */
    public void release(int t, long lock, boolean shared) {
        if (!lockEdges) {
            return;
        }
        LockClock l = locks.get(lock);
        if (l == null) {
            l = new LockClock();
            locks.put(lock, l);
        }
        VectorClock c = clock(t);
        if (shared) {
            if (l.shared == null) {
                l.shared = new VectorClock();
            }
            l.shared.join(c);
        } else {
            // The exclusive holder acquired every earlier release, so its clock covers them all.
            l.exclusive.copyFrom(c);
            if (l.shared != null) {
                l.shared.clear();
            }
        }
        c.increment(t);
        changed(t);
    }

    public void volatileWrite(int t, long object, int slot) {
        LongObjectMap<VectorClock> slots = volatiles.get(object);
        if (slots == null) {
            slots = new LongObjectMap<>(4);
            volatiles.put(object, slots);
        }
        VectorClock v = slots.get(slot);
        if (v == null) {
            v = new VectorClock();
            slots.put(slot, v);
        }
        VectorClock c = clock(t);
        v.join(c);
        c.increment(t);
        changed(t);
    }

    public void volatileRead(int t, long object, int slot) {
        LongObjectMap<VectorClock> slots = volatiles.get(object);
        VectorClock v = slots == null ? null : slots.get(slot);
        if (v != null) {
            acquireFrom(t, v);
        }
    }

    public void hbRelease(int t, long token) {
        VectorClock v = tokens.get(token);
        if (v == null) {
            v = new VectorClock();
            tokens.put(token, v);
        }
        VectorClock c = clock(t);
        v.join(c);
        c.increment(t);
        changed(t);
    }

    public void hbAcquire(int t, long token) {
        VectorClock v = tokens.get(token);
        if (v != null) {
            acquireFrom(t, v);
        }
    }

    /** Drops the lock, volatile and token clocks of a collected object (its id is never reused). */
    public void freed(long object) {
        locks.remove(object);
        volatiles.remove(object);
        tokens.remove(object);
    }

    /** Objects with a lock, volatile or token clock (for memory tests). */
    public int trackedObjects() {
        return locks.size() + volatiles.size() + tokens.size();
    }
}
