package dev.racelock.analyzer.race;

import dev.racelock.analyzer.collect.ArrayStates;
import dev.racelock.analyzer.collect.ElementRuns;
import dev.racelock.analyzer.collect.LocationStates;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.hb.ClockedAnalysis;
import dev.racelock.analyzer.hb.VectorClock;
import dev.racelock.analyzer.state.CallingContexts;
import dev.racelock.analyzer.state.LockHolds;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.AccessTarget;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.TraceHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * Happens-before data races with FastTrack epochs (Flanagan &amp; Freund, PLDI 2009). Every race
 * it reports is a pair of conflicting accesses (same location, at least one write, different
 * threads) that no happens-before edge orders in the observed execution; volatile and atomic
 * accesses are synchronization and never race (JLS 17.4.5).
 *
 * <p>Per access: the same-epoch fast path returns at once; otherwise the last write (an epoch)
 * and the last reads (an epoch, or a read vector once reads are concurrent) are checked against
 * the accessing thread's vector clock.
 *
 * <p>Fields have one shadow each ({@link LocationShadow}, in a column of the session's
 * {@link LocationStates}); arrays
 * have runs of elements with one shadow per run ({@link ElementRuns}), and an access to elements
 * {@code [from, to)} applies the rules once per run it meets. That is exactly the
 * element-by-element analysis: the rules look at one element's state and the accessing thread
 * only, so elements with equal states end in equal states and race with the same earlier access;
 * runs are visited in index order, as the elements would be, and a race on n elements counts n
 * occurrences.
 *
 * <p>A race that happens-before finds but that the reads-from order of an earlier racy read
 * puts in order (schedulable happens-before, Mathur, Kini &amp; Viswanathan, OOPSLA 2018) is kept
 * as evidence of that earlier race, not reported on its own ({@link SchedulableOrder}; the rule
 * is labelled [READS-FROM] below). It costs a race-free access one counter and one store.
 */
public final class RaceAnalysis extends ClockedAnalysis {

    private final TraceState state;
    private final CallingContexts contexts;
    private final LockHolds holds;
    private final LocationStates.RowColumn<LocationShadow> memory;
    private final ArrayStates<AccessState> arrays = new ArrayStates<>(AccessState::new);
    private final RaceRecords records;
    private final SchedulableOrder shb;
    /** An element's state while a rule is applied to it alone, before it gets a run of its own. */
    private final AccessState scratch = new AccessState();
    /** Entries of a read vector that a write races with (ReadVector.unordered fills it). */
    private long[] unordered = new long[16];
    private final List<String> warnings = new ArrayList<>();
    private boolean enabled = true;

    public RaceAnalysis(TraceState state) {
        this(state, true);
    }

    /**
     * With {@code readsFrom} false, happens-before only: every race is its own, none a
     * consequence (tests compare this with a plain FastTrack).
     */
    RaceAnalysis(TraceState state, boolean readsFrom) {
        super(true);
        this.shb = new SchedulableOrder(hb, readsFrom);
        this.state = state;
        this.contexts = state.contexts();
        this.holds = state.holds();
        this.memory = state.locations().claimRows(LocationShadow::new);
        this.records = new RaceRecords(state);
    }

    /** Tells {@code o} of every racing access, before dedupe (tests compare detectors through it). */
    void observeRaces(RaceRecords.Observer o) {
        records.observe(o);
    }

    @Override
    public void header(TraceHeader header) {
        if (!header.recordsMemory()) {
            enabled = false;
            warnings.add("races not analyzed: trace recorded with mode=locks");
        }
        if (header.mayHoldOwnedAccesses()) {
            hb.epochsComeLate(); // an epoch of a thread can be kept after the thread ended
        }
    }

    // ---- accesses -----------------------------------------------------------------------------

    /**
     * The owner's last write of a field, written out when a second thread touched the object
     * (EventVisitor.ownedWrite). Nothing but the owner touched the location before, so there is
     * nothing to check: the write goes into the shadow as FastTrack would have kept it, in the
     * owner's epoch then ({@link dev.racelock.analyzer.hb.HappensBefore#epochAfter}), unless the
     * shadow already holds the owner's write of that epoch or a later one (the owner may have
     * written the same access out itself first).
     */
    @Override
    public void ownedWrite(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                           int context, int readSite) {
        if (!enabled) {
            return;
        }
        LocationShadow x = memory.get(object, field);
        int epoch = hb.epochAfter(owner, releases);
        if (x.writeThread >= 0 && (x.writeThread != owner || x.writeClock >= epoch)) {
            return;
        }
        // Written out late: where it came among the owner's accesses is lost.
        x.setWrite(owner, epoch, site, contexts.ofTraceNode(context), holds.agentLockSet(lockSet), readSite,
                SchedulableOrder.UNKNOWN);
        ownedBy(x, owner);
    }

    /** The owner's last read of a field: as {@link #ownedWrite}. */
    @Override
    public void ownedRead(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                          int context) {
        if (!enabled) {
            return;
        }
        LocationShadow x = memory.get(object, field);
        int epoch = hb.epochAfter(owner, releases);
        if (x.readShared() || x.readThread >= 0 && (x.readThread != owner || x.readClock >= epoch)) {
            return;
        }
        x.setRead(owner, epoch, site, contexts.ofTraceNode(context), holds.agentLockSet(lockSet),
                SchedulableOrder.UNKNOWN);
        ownedBy(x, owner);
    }

    private static void ownedBy(LocationShadow x, int owner) {
        if (x.soleAccessor == LocationShadow.UNSET) {
            x.soleAccessor = owner;
        }
    }

    @Override
    public void access(int thread, int target, boolean write, long object, int slot, int length, int site) {
        if (!enabled) {
            return;
        }
        switch (target) {
            case AccessTarget.FIELD -> fieldAccess(thread, object, slot, site, write);
            case AccessTarget.ELEMENT -> elementAccess(thread, object, slot, site, write);
            case AccessTarget.RANGE -> rangeAccess(thread, object, slot, length, site, write);
            default -> throw new IllegalArgumentException("unknown access target " + target);
        }
    }

    private void fieldAccess(int t, long object, int field, int site, boolean write) {
        LocationShadow x = memory.get(object, field);
        VectorClock ct = hb.clock(t);
        int slot = hb.slot(t);
        apply(x, t, slot, ct, ct.get(slot), site, write, object, field, 1, false);
    }

    /** One element: in place when it has a run of its own, else through {@link #scratch} (ElementRuns.open). */
    private void elementAccess(int t, long array, int index, int site, boolean write) {
        ElementRuns<AccessState> a = arrays.of(array);
        VectorClock ct = hb.clock(t);
        int slot = hb.slot(t);
        AccessState s = a.open(index, scratch);
        a.updated(s, apply(s, t, slot, ct, ct.get(slot), site, write, array, index, 1, true));
    }

    /** Elements {@code [from, from + length)}: the rules once per run met, runs split at the two ends. */
    private void rangeAccess(int t, long array, int from, int length, int site, boolean write) {
        if (length <= 0) {
            return;
        }
        int end = (int) Math.min((long) from + length, Integer.MAX_VALUE);
        ElementRuns<AccessState> a = arrays.of(array);
        VectorClock ct = hb.clock(t);
        int slot = hb.slot(t);
        int now = ct.get(slot);
        ElementRuns.Run<AccessState> first = a.cover(from, end);
        ElementRuns.Run<AccessState> last = first;
        for (ElementRuns.Run<AccessState> run = first; run != null && run.start() < end; run = run.next()) {
            apply(run.state, t, slot, ct, now, site, write, array, run.start(), run.length(), true);
            last = run;
        }
        a.mergeEqualNeighbours(first, last);
    }

    /**
     * FastTrack's rules for one access by thread {@code t} (clock slot {@code slot}, clock
     * {@code ct}, epoch {@code now})
     * to {@code x}, which stands for {@code count} locations: a field of {@code object}, or
     * array elements from {@code index}. Returns false when nothing changed (same epoch).
     */
    private boolean apply(AccessState x, int t, int slot, VectorClock ct, int now, int site, boolean write,
                          long object, int index, int count, boolean array) {
        if (write) {
            if (x.writeThread == t && x.writeClock == now) {
                return false; // [WRITE SAME EPOCH]
            }
            boolean shared = x.readShared();
            // This thread's own read in this epoch, if any: the write is then a read-modify-write.
            int readSite = shared ? (x.reads.clock(t, slot) == now ? x.reads.site(t, slot) : -1)
                    : (x.readThread == t && x.readClock == now ? x.readSite : -1);
            int context = contexts.current(t);
            int lockSet = holds.lockSet(t);
            int position = array ? SchedulableOrder.UNKNOWN : position((LocationShadow) x, t);
            int w = x.writeThread;
            if (w >= 0 && x.writeClock > ct.get(hb.slot(w))) {
                race(object, index, count, array, x.writeRecord(), x.writeClock, x.writePosition,
                        t, true, site, context, lockSet, readSite);
            }
            if (shared) {
                // [WRITE SHARED]: every read must be ordered before this write.
                ReadVector rv = x.reads;
                if (unordered.length < rv.size()) {
                    unordered = new long[Math.max(rv.size(), unordered.length * 2)];
                }
                int racing = rv.unordered(ct, unordered);
                for (int i = 0; i < racing; i++) {
                    int e = (int) unordered[i];
                    race(object, index, count, array, rv.record(e), rv.clockAt(e), rv.positionAt(e),
                            t, true, site, context, lockSet, readSite);
                }
                if (racing == 0) {
                    // Ordered after every read: back to an (empty) read epoch. Reads that raced
                    // with this write stay: they are still unordered with what comes next, and a
                    // reader's own later write needs its read to be seen as read-modify-write.
                    rv.deactivate();
                    x.readThread = -1;
                }
            } else {
                int r = x.readThread;
                if (r >= 0 && r != t && x.readClock > ct.get(hb.slot(r))) {
                    race(object, index, count, array, x.readRecord(), x.readClock, x.readPosition,
                            t, true, site, context, lockSet, readSite); // [WRITE EXCLUSIVE]
                }
            }
            x.setWrite(t, now, site, context, lockSet, readSite, position);
        } else {
            boolean shared = x.readShared();
            if (shared ? x.reads.clock(t, slot) == now : x.readThread == t && x.readClock == now) {
                return false; // [READ SAME EPOCH]
            }
            int context = contexts.current(t);
            int lockSet = holds.lockSet(t);
            int position = array ? SchedulableOrder.UNKNOWN : position((LocationShadow) x, t);
            int w = x.writeThread;
            if (w >= 0 && x.writeClock > ct.get(hb.slot(w))) {
                RaceRecord cause = race(object, index, count, array, x.writeRecord(), x.writeClock, x.writePosition,
                        t, false, site, context, lockSet, -1);
                // [READS-FROM]: the read saw this write, so in SHB everything before the write
                // comes before what this thread does next (the race, or the race it follows, is why).
                shb.readFrom(t, w, x.writeClock, x.writePosition, cause);
            }
            if (shared) {
                x.reads.set(t, slot, now, site, context, lockSet, position); // [READ SHARED]
            } else {
                int r = x.readThread;
                if (r >= 0 && r != t && x.readClock > ct.get(hb.slot(r))) {
                    // [READ SHARE]: two concurrent reads, inflate the epoch to a read vector.
                    if (x.reads == null) {
                        x.reads = new ReadVector();
                    }
                    x.reads.active = true;
                    x.reads.set(r, hb.slot(r), x.readClock, x.readSite, x.readContext, x.readLockSet, x.readPosition);
                    x.reads.set(t, slot, now, site, context, lockSet, position);
                    x.readThread = -1;
                } else {
                    x.setRead(t, now, site, context, lockSet, position); // [READ EXCLUSIVE]
                }
            }
        }
        return true;
    }

    /**
     * The position of thread {@code t}'s access to field location {@code x} (SchedulableOrder),
     * or UNKNOWN while {@code t} is the only thread that has touched the object: the agent may
     * then keep the access beside the object and write it out when a second thread touches it
     * (ownership, docs/agent.md), without its place among the thread's other accesses, and the
     * findings must not depend on whether it did. A static field is never kept so.
     */
    private int position(LocationShadow x, int t) {
        int sole = x.soleAccessor;
        if (sole == LocationShadow.UNSET) {
            // The object's shadow made before this one: every location that has a shadow got it
            // in the event that made its row (this analysis looks up every plain field access),
            // so the rows' order is the shadows' order, as in a table of this analysis's own.
            LocationShadow previous = memory.madeBefore(x);
            FieldInfo f = state.dictionary().field(x.slot);
            sole = f != null && f.isStatic() ? LocationShadow.SHARED : previous == null ? t : previous.soleAccessor;
            x.soleAccessor = sole;
        }
        if (sole == t) {
            return SchedulableOrder.UNKNOWN;
        }
        if (sole != LocationShadow.SHARED) {
            memory.forEachOf(x.object, RaceAnalysis::shared);
        }
        return shb.nextPosition(t);
    }

    /** A second thread has touched the location's object: its accesses have positions from now on. */
    private static void shared(LocationShadow x) {
        x.soleAccessor = LocationShadow.SHARED;
    }

    /**
     * Happens-before left {@code earlier} (at {@code earlierEpoch} and {@code earlierPosition})
     * unordered with this access of thread {@code t}: a race, or, when a reads-from edge of
     * {@code t} orders them, a consequence of the race that edge came from (SchedulableOrder).
     * Returns the race the access belongs to as evidence: this one, or the one it follows.
     */
    private RaceRecord race(long object, int index, int count, boolean array, AccessRecord earlier, int earlierEpoch,
                            int earlierPosition, int t, boolean write, int site, int context, int lockSet, int readSite) {
        RaceRecord cause = shb.cause(t, earlier.thread(), earlierEpoch, earlierPosition);
        return records.add(object, index, count, array, earlier, new AccessRecord(t, write, site, context, lockSet, readSite),
                cause);
    }

    // ---- synchronization ----------------------------------------------------------------------

    // Acquire-type events: the thread's clock may grow, so its later writes carry more than its
    // earlier ones (SchedulableOrder takes a writer's present clock for one it had at a write only
    // when it acquired nothing in between).

    @Override
    public void forkJoin(int thread, boolean join, int child, int site) {
        super.forkJoin(thread, join, child, site);
        shb.acquired(join ? thread : child);
    }

    @Override
    public void volatileAccess(int thread, boolean write, long object, int slot, int site) {
        super.volatileAccess(thread, write, object, slot, site);
        if (!write) {
            shb.acquired(thread);
        }
    }

    @Override
    public void handOff(int thread, boolean release, long token, int site) {
        super.handOff(thread, release, token, site);
        if (!release) {
            shb.acquired(thread);
        }
    }

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        shb.acquired(thread);
        // an order-only hold (a monitor the JDK took inside a call) says nothing of the sync order
        if (holds.isOutermostAcquire(thread, lock, flags) && !LockFlags.isOrderOnly(flags)) {
            hb.acquire(thread, lock, LockFlags.isShared(flags));
        }
    }

    @Override
    public void lockRelease(int thread, long lock, int site, int flags) {
        if (holds.isOutermostRelease(thread, lock, flags) && !LockFlags.isOrderOnly(flags)) {
            hb.release(thread, lock, LockFlags.isShared(flags));
        }
    }

    @Override
    public void objectFreed(long object) {
        super.objectFreed(object); // its fields' shadows: the session drops them (TraceState.locations)
        arrays.remove(object);
        records.freed(object);
    }

    // ---- results ------------------------------------------------------------------------------

    @Override
    public List<Finding> findings() {
        return records.findings();
    }

    @Override
    public List<String> warnings() {
        String early = earlySlotWarning("a race with an access made");
        if (early == null) {
            return List.copyOf(warnings);
        }
        List<String> all = new ArrayList<>(warnings);
        all.add(early);
        return all;
    }

    /** Objects with shadow state: fields' objects and arrays (memory tests). */
    public int shadowObjects() {
        return memory.objects() + arrays.arrays();
    }

    /** Shadow states: one per field location, one per run of array elements (memory tests). */
    public int shadowLocations() {
        return memory.size() + (int) arrays.runs();
    }

    /** Objects with lock, volatile or token clocks (memory tests). */
    public int synchronizationObjects() {
        return hb.trackedObjects();
    }

    /** Clock entries handed out: follows the threads alive at once, not all that ever ran (memory tests). */
    public int clockSlots() {
        return hb.slots();
    }
}
