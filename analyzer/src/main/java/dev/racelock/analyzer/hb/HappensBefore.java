package dev.racelock.analyzer.hb;

import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.LastOwnedAccess;

/**
 * Happens-before over the sync-consistent event order, as vector clocks: one per thread, per
 * lock, per volatile location and per hand-off token (Flanagan &amp; Freund, FastTrack, PLDI 2009,
 * Fig. 2 sync rules; JLS 17.4.5 for the edges).
 *
 * <ul>
 *   <li>fork: {@link #forkJoin} joins the parent's clock into the child, then ticks the parent;</li>
 *   <li>join: {@link #forkJoin} joins the child's clock into the joiner;</li>
 *   <li>locks: an exclusive release publishes the holder's clock; an exclusive acquire takes the
 *       last exclusive release and every shared release since; a shared (read) acquire takes only
 *       the last exclusive release, and a shared release publishes only to later exclusive
 *       acquires (JDK ReentrantReadWriteLock memory-consistency note);</li>
 *   <li>volatile write -> later volatile read of the same location (JLS 17.4.4);</li>
 *   <li>hand-off release of a token -> later acquire of the token (JDK library hand-offs).</li>
 * </ul>
 *
 * <p><b>Clock entries are slots, not thread ids.</b> A thread's entry in every clock is
 * {@link #slot}{@code (thread)}; a thread that ended gives its slot to a thread started later
 * when that is sound ({@link ThreadSlots}), so clocks stay as wide as the threads that matter,
 * however many short-lived threads the program ran. An epoch {@code (u, e)} an analysis kept is
 * ordered before thread t's present iff {@code e <= clock(t).get(slot(u))}. For the reuse to be
 * sound, an analysis must take the epochs it keeps from {@link #clock} (which notes that the
 * thread's present epoch was seen), never from a clock it held on to across events.
 *
 * <p>The caller decides which lock events are edges (only the outermost of reentrant holds;
 * see LockHolds). With {@code lockEdges} false, lock events are ignored: the lock-order analysis
 * uses that variant, because an order that only came from which thread happened to get a lock
 * first could have gone the other way.
 */
public final class HappensBefore {

    /**
     * Clock width (slots) from which a start may take an ended thread's slot before that
     * thread's last epoch is known ({@link ThreadSlots}, "When clocks grow too wide"). Every
     * lock, volatile location and token has a clock this wide, and a test suite's trace can
     * hold a million of them: 256 entries keep them near a gigabyte. A fixed number, not a share
     * of the heap, so that a trace gives the same findings on every machine.
     */
    public static final int EXACT_SLOTS = 256;

    private final boolean lockEdges;
    private final ThreadSlots slots = new ThreadSlots();
    private VectorClock[] threads = new VectorClock[16];
    private long[] versions = new long[16];
    // Per thread, the last clock it acquired from and that clock's version then: acquiring again
    // from an unchanged clock (a flag polled in a loop, a lock re-taken by its last owner's
    // successor) needs no join.
    private VectorClock[] lastSource = new VectorClock[16];
    private long[] lastSourceVersion = new long[16];
    // Per thread: whether an analysis has seen its present epoch, the last epoch one saw before
    // that, and whether it has ended (its slot then waits for reuse).
    private boolean[] observed = new boolean[16];
    private int[] lastObserved = new int[16];
    private boolean[] ended = new boolean[16];
    // Per thread: the first epoch of its own slot (its epochs are that + its releases so far).
    private int[] firstEpoch = new int[16];
    private boolean epochsComeLate;
    /** The clocks each object's id keys (ObjectClocks): one map, so a lookup is one probe. */
    private final LongObjectMap<ObjectClocks> objects = new LongObjectMap<>();

    public HappensBefore(boolean lockEdges) {
        this.lockEdges = lockEdges;
    }

    /**
     * The clocks of one object id: its lock's (monitor or java.util.concurrent lock), its
     * volatile locations', its hand-off token's. Kept together, not in a map each, because the
     * tables are large and each probe of one is a cache miss: on the cache mix's trace (hundreds of
     * thousands of volatile and lock objects) probes were a sixth of the analysis, and every
     * collected object cost a probe of each table. The first volatile slot of an object is kept
     * in line; most objects have one or two (a node's value and next).
     */
    private static final class ObjectClocks {
        /** The lock's exclusive releases; null until one. */
        VectorClock exclusive;
        /** The lock's shared releases since the last exclusive one; null until one. */
        VectorClock shared;
        VectorClock token;
        int firstSlot = -1;
        VectorClock firstVolatile;
        LongObjectMap<VectorClock> otherVolatiles;

        /** The clock of volatile {@code slot}, or null while nothing was written to it. */
        VectorClock volatileClock(int slot) {
            if (slot == firstSlot) {
                return firstVolatile;
            }
            return otherVolatiles == null ? null : otherVolatiles.get(slot);
        }

        VectorClock volatileClockToWrite(int slot) {
            if (firstSlot < 0) {
                firstSlot = slot;
                firstVolatile = new VectorClock();
            }
            if (slot == firstSlot) {
                return firstVolatile;
            }
            if (otherVolatiles == null) {
                otherVolatiles = new LongObjectMap<>(4);
            }
            return otherVolatiles.computeIfAbsent(slot, VectorClock::new);
        }
    }

    /**
     * Thread {@code t}'s clock, indexed by slots; {@code get(slot(t))} is its present epoch, which
     * this call marks as seen by an analysis. A thread first seen starts at the first epoch of
     * its own slot.
     */
    public VectorClock clock(int t) {
        VectorClock c = own(t);
        observed[t] = true;
        return c;
    }

    /**
     * A copy of thread {@code t}'s clock, to compare epochs against later (the caller keeps it
     * across events). Its entries never exceed what the threads of their slots had reached, so
     * a slot's later holder, which starts above them, is never taken as known.
     */
    public VectorClock copyOfClock(int t) {
        return new VectorClock(own(t));
    }

    /** The clock entry of thread {@code t} (the thread gets one if it has none yet). */
    public int slot(int t) {
        int s = slots.slotOf(t);
        if (s < 0) {
            own(t);
            s = slots.slotOf(t);
        }
        return s;
    }

    /**
     * Threads that took the slot of an ended thread before its last epoch was known, because
     * clocks were {@link #EXACT_SLOTS} wide already: a race with an access such an ended
     * thread made after its last synchronization may have been missed.
     */
    public int slotsHandedOnEarly() {
        return slots.handedOnEarly();
    }

    /** Clock entries handed out so far: how wide the widest clock can be (memory tests). */
    public int slots() {
        return slots.count();
    }

    private VectorClock own(int t) {
        if (t < threads.length) {
            VectorClock c = threads[t];
            if (c != null) {
                return c;
            }
        } else {
            grow(t);
        }
        return begin(t, new VectorClock());
    }

    /** Thread {@code t}'s first clock: {@code start} (what it knows at its start) plus its own first epoch. */
    private VectorClock begin(int t, VectorClock start) {
        int s = slots.assign(t, start, slots.count() >= EXACT_SLOTS);
        start.set(s, Math.max(start.get(s) + 1, slots.firstEpoch(s)));
        firstEpoch[t] = start.get(s);
        threads[t] = start;
        return start;
    }

    private void grow(int t) {
        threads = ArrayGrowth.toFit(threads, t);
        versions = ArrayGrowth.toFit(versions, t);
        lastSource = ArrayGrowth.toFit(lastSource, t);
        lastSourceVersion = ArrayGrowth.toFit(lastSourceVersion, t);
        observed = ArrayGrowth.toFit(observed, t);
        firstEpoch = ArrayGrowth.toFit(firstEpoch, t);
        lastObserved = ArrayGrowth.toFit(lastObserved, t);
        ended = ArrayGrowth.toFit(ended, t);
    }

    /**
     * Thread {@code t}'s epoch after {@code releases} of its releases: every release ticks the
     * thread's own entry once ({@link #tick}), from the first epoch of its slot. The epoch of an
     * access the agent kept beside an object and wrote out later (EventVisitor.ownedWrite).
     */
    public int epochAfter(int t, int releases) {
        own(t);
        return firstEpoch[t] + releases;
    }

    /**
     * The trace may hold accesses written out after their thread went on or ended
     * ({@link #epochAfter}): an ended thread's slot then goes to a later thread only if that
     * thread's start knows every epoch of it that may still come, not only the ones an analysis
     * had kept by then: up to its last owned access when its end says when that was (format
     * 2.5), else up to its last epoch.
     */
    public void epochsComeLate() {
        epochsComeLate = true;
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

    /** Ends thread {@code t}'s present epoch (after a release): its next events are not known to what it released. */
    private void tick(int t, VectorClock c) {
        int s = slots.slotOf(t);
        if (observed[t]) {
            lastObserved[t] = c.get(s);
            observed[t] = false;
        }
        c.increment(s);
        changed(t);
    }

    /** Thread {@code t} acquires from {@code source}: C_t := C_t ⊔ source, skipped when nothing new. */
    private void acquireFrom(int t, VectorClock source) {
        VectorClock c = own(t);
        if (lastSource[t] == source && lastSourceVersion[t] == source.version()) {
            return;
        }
        c.join(source);
        lastSource[t] = source;
        lastSourceVersion[t] = source.version();
        changed(t);
    }

    /**
     * A start ({@code join} false): the child begins with what {@code t} knows, then {@code t}
     * ticks; a join: {@code t} continues with everything the child did.
     */
    public void forkJoin(int t, boolean join, int child) {
        if (join) {
            own(t).join(own(child));
            changed(t);
            return;
        }
        VectorClock p = own(t);
        VectorClock c = child < threads.length ? threads[child] : null;
        if (c == null) {
            if (child >= threads.length) {
                grow(child);
            }
            begin(child, new VectorClock(p));
        } else {
            c.join(p);
        }
        changed(child);
        tick(t, p);
    }

    /**
     * The thread's last event: its slot may go to a thread started later (see {@link ThreadSlots})
     * once that thread knows the last epoch an analysis may still compare: the last one it saw,
     * or, when epochs come late, the epoch of the thread's last owned access
     * ({@code lastOwnedAccess} releases after its first; every epoch when the trace does not say).
     */
    public void threadEnd(int t, int lastOwnedAccess) {
        VectorClock c = own(t);
        if (ended[t]) {
            return;
        }
        ended[t] = true;
        int s = slots.slotOf(t);
        int last = c.get(s);
        int required = observed[t] ? last : lastObserved[t];
        if (epochsComeLate && lastOwnedAccess != LastOwnedAccess.NONE) {
            int owned = lastOwnedAccess >= last - firstEpoch[t] ? last : firstEpoch[t] + lastOwnedAccess;
            required = Math.max(required, owned);
        }
        slots.ended(s, last, required);
    }

    /** An outermost (or WAIT re-) acquire of {@code lock}. */
    public void acquire(int t, long lock, boolean shared) {
        if (!lockEdges) {
            return;
        }
        ObjectClocks l = objects.get(lock);
        if (l == null || l.exclusive == null) {
            return; // never released: nothing to take (every release makes the exclusive clock)
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
        ObjectClocks l = objects.computeIfAbsent(lock, ObjectClocks::new);
        VectorClock c = own(t);
        if (l.exclusive == null) {
            l.exclusive = new VectorClock();
        }
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
        tick(t, c);
    }

    /** A volatile write releases into the location's clock; a read acquires from it. */
    public void volatileAccess(int t, boolean write, long object, int slot) {
        if (write) {
            releaseInto(objects.computeIfAbsent(object, ObjectClocks::new).volatileClockToWrite(slot), t);
        } else {
            ObjectClocks o = objects.get(object);
            acquireIfReleased(t, o == null ? null : o.volatileClock(slot));
        }
    }

    /** A hand-off release joins into the token's clock; an acquire takes it. */
    public void handOff(int t, boolean release, long token) {
        if (release) {
            ObjectClocks o = objects.computeIfAbsent(token, ObjectClocks::new);
            if (o.token == null) {
                o.token = new VectorClock();
            }
            releaseInto(o.token, t);
        } else {
            ObjectClocks o = objects.get(token);
            acquireIfReleased(t, o == null ? null : o.token);
        }
    }

    /** Thread {@code t} releases into a volatile's or a token's clock: target := target ⊔ C_t, then t ticks. */
    private void releaseInto(VectorClock target, int t) {
        VectorClock c = own(t);
        target.join(c);
        tick(t, c);
    }

    /** Thread {@code t} acquires from a volatile's or a token's clock, null while nothing was released into it. */
    private void acquireIfReleased(int t, VectorClock released) {
        if (released != null) {
            acquireFrom(t, released);
        }
    }

    /** Drops the lock, volatile and token clocks of a collected object (its id is never reused). */
    public void freed(long object) {
        objects.remove(object);
    }

    /** Objects with a lock, volatile or token clock (for memory tests). */
    public int trackedObjects() {
        return objects.size();
    }
}
