package dev.racelock.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static dev.racelock.agent.runtime.ObjectShadow.CONTEXTS;
import static dev.racelock.agent.runtime.ObjectShadow.LOCKS;
import static dev.racelock.agent.runtime.ObjectShadow.READ;
import static dev.racelock.agent.runtime.ObjectShadow.KEY;
import static dev.racelock.agent.runtime.ObjectShadow.WRITE;

/**
 * The ownership filter (DESIGN.md, "Keeping the record small"; docs/agent.md, "Objects no second
 * thread has touched"): the field accesses of an object that only the thread that constructed it
 * has touched are not recorded; the owner keeps, beside the object ({@link ObjectShadow}), what
 * the analyzer would remember of them, and the first other thread to touch the object writes that
 * out before its own access, each access with the owner's epoch, locks and context then.
 *
 * <p><b>The moment of sharing.</b> A taker first moves the shadow's state from owned to sharing
 * with a compare-and-set, then numbers an event of its own (an order mark) and writes the owner's
 * accesses out after it, then publishes the mark's number as the state. Three things make the
 * result the same as if every access had been recorded:
 * <ol>
 *   <li><em>Every owned access is before the mark in the reader's order.</em> The owner saw the
 *       state owned, so its look came before the compare-and-set (both are volatile accesses,
 *       totally ordered), and the run of events holding the access began with a numbered event
 *       taken earlier still, so with a smaller number than the mark's.</li>
 *   <li><em>Every later access of the object is after the mark.</em> Whoever touches a shared
 *       object first waits for the number, and if its own run of plain events began before it,
 *       numbers an order mark of its own first ({@link #ordered}). The reader delivers plain
 *       events with the numbered event that begins their run (docs/trace-format.md, "Reading
 *       order"), so nothing of the object comes between the owner's accesses and the mark: the
 *       analyzer sees the same accesses of the object in the same order, late but with their
 *       epochs.</li>
 *   <li><em>No owned access is missed.</em> The owner writes into the shadow without a fence; the
 *       taker may read it before the write is visible. The owner fences before its next numbered
 *       event (or after {@link OwnershipRecorder#BATCH} updates) and then looks at the state
 *       again: if the compare-and-set came before its fence, it sees it and writes the update out
 *       itself, in the run where it happened; if not, the fence came first and the taker, reading
 *       after its compare-and-set, sees the update (Dekker's argument: two full fences, JLS 17.4.4
 *       synchronization order). An update written twice is the same access twice; the analyzer
 *       keeps the first of an epoch, so it changes nothing.</li>
 * </ol>
 * An order mark orders nothing (it is no release or acquire); it only starts a new run of plain
 * events, which places the events after it as if the thread's previous numbered event had come
 * later: a valid order of the same execution.
 *
 * <p>Hot path: a volatile read of the state, a probe of the shadow's table, a compare; the first
 * access of an epoch writes three longs.
 */
public final class Ownership {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(ObjectShadow.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Ownership() {}

    /**
     * In the constructor of the topmost instrumented class of a hierarchy, right after super():
     * the shadow {@code self} keeps, owned by the constructing thread; {@code existing} if a
     * this(...) constructor made one already, null when the filter is off.
     */
    public static Object shadow(Object existing, Object self, ThreadContext c) {
        if (existing != null || c.owned == null) {
            return existing;
        }
        return new ObjectShadow(self, c.thread);
    }

    /**
     * Right after the shadow is stored: a racy publication of the object (a plain store of its
     * reference, later in the program) must not overtake that store, or a thread reading the
     * reference could find no shadow and record its access unordered with the owner's (a
     * StoreStore fence: free on x86, which keeps stores in order anyway, but it stops the JIT).
     */
    public static void constructed() {
        VarHandle.storeStoreFence();
    }

    /**
     * A read of {@code field}: true when it was an owned access, kept in the shadow instead of
     * recorded. Read and write stay two methods on purpose: merged into one with a constant
     * {@code write} flag, a recorded owned read measured 0.6-1.6 ns slower (JMH
     * {@code RecordingCallBenchmark.recordedFieldRead}, 8.3-9.1 ns before), on the path most
     * accesses of real programs take.
     */
    static boolean read(Object object, ObjectShadow s, int field, int site, ThreadContext c) {
        long state = s.state;
        if (state == ObjectShadow.OWNED && s.owner == c.thread) {
            OwnershipRecorder o = c.owned;
            int releases = o.releases;
            int at = s.entry(field);
            long[] t = s.table;
            if (ObjectShadow.inEpoch(t[at + READ], releases)) {
                return true; // FastTrack's [READ SAME EPOCH]: the analyzer keeps the first
            }
            int lockSet = o.lockSet();
            if (lockSet >= 0) {
                t[at + READ] = ObjectShadow.access(releases, site);
                t[at + LOCKS] = ObjectShadow.pair(ObjectShadow.high(t[at + LOCKS]), lockSet);
                t[at + CONTEXTS] = ObjectShadow.pair(ObjectShadow.high(t[at + CONTEXTS]), o.callingContext());
                o.updated(s, field);
                return true;
            }
        }
        ordered(object, s, state, c);
        return false;
    }

    /** A write of {@code field}: as {@link #read}. */
    static boolean write(Object object, ObjectShadow s, int field, int site, ThreadContext c) {
        long state = s.state;
        if (state == ObjectShadow.OWNED && s.owner == c.thread) {
            OwnershipRecorder o = c.owned;
            int releases = o.releases;
            int at = s.entry(field);
            long[] t = s.table;
            if (ObjectShadow.inEpoch(t[at + WRITE], releases)) {
                return true; // [WRITE SAME EPOCH]
            }
            int lockSet = o.lockSet();
            if (lockSet >= 0) {
                long read = t[at + READ];
                t[at + WRITE] = ObjectShadow.access(releases, site);
                t[at + LOCKS] = ObjectShadow.pair(lockSet, ObjectShadow.low(t[at + LOCKS]));
                t[at + CONTEXTS] = ObjectShadow.pair(o.callingContext(), ObjectShadow.low(t[at + CONTEXTS]));
                // the read of this epoch the write follows: a read-modify-write for the analyzer's classifier
                t[at + KEY] = ObjectShadow.key(field, ObjectShadow.inEpoch(read, releases) ? ObjectShadow.siteOf(read) : -1);
                o.updated(s, field);
                return true;
            }
        }
        ordered(object, s, state, c);
        return false;
    }

    /**
     * Before an access of an object that is not (or no longer) this thread's own: takes it over
     * if it is still owned, waits until it is shared, and numbers an order mark if this thread's
     * run of plain events began before the object was shared (point 2 of the class comment).
     */
    private static void ordered(Object object, ObjectShadow s, long state, ThreadContext c) {
        if (state == ObjectShadow.OWNED) {
            takeOver(object, s, c);
            state = s.state;
        }
        for (int spins = 0; state == ObjectShadow.SHARING; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the taker was descheduled between its compare-and-set and its number
            }
            state = s.state;
        }
        if (state > c.recorder.lastSequence()) {
            c.recorder.orderMark();
        }
    }

    /** Shares {@code s}: writes its owner's accesses out after an order mark of this thread. */
    private static void takeOver(Object object, ObjectShadow s, ThreadContext c) {
        if (!STATE.compareAndSet(s, ObjectShadow.OWNED, ObjectShadow.SHARING)) {
            return; // another thread is taking it over
        }
        long mark = 0;
        try {
            mark = c.recorder.orderMark();
            long[] t = s.table;
            if (t != null) {
                long id = ObjectIds.of(object, -1, c);
                for (int at = 0; at < t.length; at += ObjectShadow.STRIDE) {
                    if (t[at] != 0) {
                        writeOut(s, ObjectShadow.fieldOf(t[at]), id, c.calls);
                    }
                }
            }
        } finally {
            // even if writing failed (out of memory): threads waiting for the number must go on
            s.state = Math.max(mark, 1);
        }
    }

    /**
     * The owner's last write and last read of {@code field}, as owned-access events, into
     * {@code r}: the innermost recorder of a chain (ThreadContext.calls), the one that
     * writes the stream. The filters in front of it have nothing to do with them (another
     * thread's accesses, which no epoch of this thread's repeats and no ownership settles), so
     * they never see them.
     */
    static void writeOut(ObjectShadow s, int field, long id, EventRecorder r) {
        long[] t = s.table;
        int at = ObjectShadow.find(t, field);
        if (at < 0) {
            return;
        }
        long write = t[at + WRITE];
        long read = t[at + READ];
        long locks = t[at + LOCKS];
        long contexts = t[at + CONTEXTS];
        if (write != 0) {
            r.ownedWrite(s.owner, id, field, ObjectShadow.siteOf(write), ObjectShadow.releasesOf(write),
                    ObjectShadow.high(locks), ObjectShadow.high(contexts), ObjectShadow.low(t[at + KEY]));
        }
        if (read != 0) {
            r.ownedRead(s.owner, id, field, ObjectShadow.siteOf(read), ObjectShadow.releasesOf(read),
                    ObjectShadow.low(locks), ObjectShadow.low(contexts));
        }
    }
}
