package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.collect.ArrayStates;
import dev.racelock.analyzer.collect.ElementRuns;
import dev.racelock.analyzer.collect.KeyedLocation;
import dev.racelock.analyzer.collect.LocationStates;
import dev.racelock.analyzer.collect.LocationTable;
import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.LockHolds;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.AccessTarget;
import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.TraceHeader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predictive data races with weak causal precedence (WCP: Kini, Mathur &amp; Viswanathan, "Dynamic
 * Race Prediction in Linear Time", PLDI 2017): races that this run did not show, because the
 * order in which two threads happened to take a lock ordered the accesses, but that another
 * schedule of the same program shows. Reports them as {@code predicted-race}; races the observed
 * happens-before order leaves unordered are the HB analysis's {@code data-race}s and are not
 * reported again here.
 *
 * <p>WCP orders less than HB. Two critical sections on one lock are ordered only when they must
 * be in every correct reordering of the trace: (a) the earlier one's release precedes an event of
 * the later one that conflicts with an event inside the earlier one; (b) if the earlier one's
 * acquire precedes the later one's release, so does its release; and WCP is closed under
 * composition with HB on both sides. Thread start and join, volatile accesses and library
 * hand-offs are orders no reordering may change (a read must see the same write), so they order
 * in WCP as in HB; read-write locks' shared holds are kept in their observed order too.
 *
 * <p>Reads-from (SHB, Mathur, Kini &amp; Viswanathan, OOPSLA 2018): a read that raced with the write
 * it read from still reads from it in every correct reordering, so after the race is noted the
 * write orders the read, in both clocks. A race that could only happen if an earlier racy read
 * had seen another value is then not reported (it is a consequence of the earlier race). The
 * write's clock stands for the writer's whole epoch (clocks are constant within an epoch, see
 * {@link WcpClocks}), so accesses the writer made after the write in that epoch count as ordered
 * too: that can hide a prediction but never invent one. A race that only this order and lock
 * order keep apart is reported here and also, as unordered in plain HB, by the HB analysis: the
 * merged result keeps the data race (same fingerprint).
 *
 * <p>Shadow state as in FastTrack (epochs, read vectors when reads are unordered), per location
 * and lock the last critical sections that read and wrote it (rule (a)), per lock its sections in
 * order ({@link LockHistory}, rule (b)). Linear in the trace: each event costs a bounded number of
 * clock joins. An array's elements share their state by runs ({@link ElementRuns}): each access
 * still applies the rules to its element alone, so the result is the element-by-element one.
 */
public final class PredictiveRaceAnalysis implements Analysis {

    /** Told of every race on a location, before dedupe: predicted (WCP only) or also unordered in HB. */
    @FunctionalInterface
    public interface RaceObserver {
        void race(long object, int slot, boolean predicted);
    }

    /**
     * A sync location (a volatile field, a hand-off token): its clocks, H and max(H, P) joined over
     * its releases (volatile writes, hand-offs; null before the first), and its rule (a) state,
     * made when it is first accessed inside a critical section. One lookup finds both.
     */
    private static final class SyncLocation extends KeyedLocation {
        int[] h;
        int[] full;
        private SectionGuards guarded;

        SyncLocation(long object, int slot) {
            super(object, slot);
        }

        SectionGuards guarded() {
            if (guarded == null) {
                guarded = new SectionGuards();
            }
            return guarded;
        }
    }

    /** The slot of a hand-off token's sync location, (token, TOKEN_SLOT): no field id or index is negative. */
    private static final int TOKEN_SLOT = -1;

    private final TraceState state;
    private final TraceDictionary dictionary;
    private final LockHolds holds;
    private final boolean readsFrom;
    private final WcpClocks clocks = new WcpClocks();
    /** Fields' states, in this analysis's column of the session's table (TraceState.locations). */
    private final LocationStates.Column<Location> memory;
    private final ArrayStates<Location> arrays = new ArrayStates<>(Location::new);
    /** An element's state while the rules are applied to it alone, before it goes back to its array's runs. */
    private final Location scratch = new Location();
    private final LongObjectMap<LockHistory> locks = new LongObjectMap<>();
    /**
     * Volatile fields and elements, and hand-off tokens at TOKEN_SLOT. Not in the session's table:
     * a token's or a volatile's row there would be an HB shadow (the rows' column's state, which
     * the HB race analysis never uses for them) besides this one (the cache trace ran out of an
     * 8 GB heap at a hand-off so).
     */
    private final LocationTable<SyncLocation> syncs = new LocationTable<>(SyncLocation::new);
    /** Per thread, the exclusive locks it holds (outermost holds), innermost last. */
    private LockHistory[][] held = new LockHistory[16][];
    private int[] heldCount = new int[16];
    /** Per thread t and thread u: the lock hand-off through which t last learned of u in HB. */
    private CriticalSection[][] viaRelease = new CriticalSection[16][];
    private CriticalSection[][] viaAcquire = new CriticalSection[16][];
    /** Per thread, the locks whose history has a cursor of it (forgotten when it ends). */
    private List<List<LockHistory>> usedLocks = new ArrayList<>();
    private final Map<String, PredictedRace> races = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private RaceObserver observer;
    private boolean enabled = true;

    public PredictiveRaceAnalysis(TraceState state) {
        this(state, true);
    }

    /** @param readsFrom order a racy read after the write it read (SHB semantics); off only to test plain WCP */
    public PredictiveRaceAnalysis(TraceState state, boolean readsFrom) {
        this.state = state;
        this.dictionary = state.dictionary();
        this.holds = state.holds();
        this.readsFrom = readsFrom;
        this.memory = state.locations().claim(Location::new);
    }

    public void observeRaces(RaceObserver o) {
        observer = o;
    }

    @Override
    public void header(TraceHeader header) {
        if (!header.recordsMemory()) {
            enabled = false;
        } else if (header.mayHoldOwnedAccesses()) {
            // Rule (a) needs every access inside each critical section; an owner's accesses
            // written out later (docs/agent.md, "Objects no second thread has touched") say
            // only its last ones, outside the sections: WCP could order too little and invent.
            enabled = false;
            warnings.add("predicted races not analyzed: trace recorded with ownership=on, which"
                    + " keeps some accesses as summaries; record with ownership=off");
        }
    }

    // ---- accesses -----------------------------------------------------------------------------

    /**
     * A field access, or array elements one by one: a single element is a range of one, and a
     * range is checked up to its first {@link #MAX_RANGE_ELEMENTS} elements.
     */
    @Override
    public void access(int thread, int target, boolean write, long object, int slot, int length, int site) {
        if (!enabled) {
            return;
        }
        if (target == AccessTarget.FIELD) {
            access(thread, memory.get(object, slot), object, slot, site, write, false);
            return;
        }
        for (int i = 0, n = Math.min(length, MAX_RANGE_ELEMENTS); i < n; i++) {
            elementAccess(thread, object, slot + i, site, write);
        }
    }

    /**
     * The elements of a range access checked, one by one (docs/analyses.md, "Array ranges"): the
     * HB analysis takes a whole range as runs, this one only its first elements, which can hide a
     * prediction, never invent one.
     */
    static final int MAX_RANGE_ELEMENTS = 1 << 16;

    /**
     * One element: the rules on its run's state in place when the run is the element alone, else
     * on a copy that goes back as the element's own state (or a neighbour's, when equal). Element
     * by element, a range in index order: a rule may change the thread's clocks (rule (a), the
     * reads-from order), and the next element must see them.
     */
    private void elementAccess(int t, long array, int index, int site, boolean write) {
        ElementRuns<Location> a = arrays.of(array);
        Location s = a.open(index, scratch);
        a.updated(s, access(t, s, array, index, site, write, true));
    }

    /**
     * The rules for one access of thread t to location x (a field of {@code object}, or element
     * {@code slot} of array {@code object}); false when x did not change.
     */
    private boolean access(int t, Location x, long object, int slot, int site, boolean write, boolean array) {
        boolean guarded = inSection(t) && orderAfterConflictingSections(t, x, write);
        int now = clocks.epoch(t);
        if (write) {
            if (x.writeThread == t && x.writeEpoch == now) {
                return guarded; // [WRITE SAME EPOCH]
            }
            int w = x.writeThread;
            if (w >= 0 && !clocks.orderedP(w, x.writeEpoch, t)) {
                race(x, object, slot, array, w, true, x.writeEpoch, x.writeSite, x.writeContext, x.writeLockSet, t, true, site);
            }
            if (x.reads != null) {
                boolean racing = false;
                int[] rv = x.reads;
                for (int u = 0, at = 0; at < rv.length; u++, at += Location.READ_WIDTH) {
                    int e = rv[at];
                    if (e > 0 && !clocks.orderedP(u, e, t)) {
                        racing = true;
                        race(x, object, slot, array, u, false, e, rv[at + Location.READ_SITE], rv[at + Location.READ_CONTEXT],
                                rv[at + Location.READ_LOCK_SET], t, true, site);
                    }
                }
                if (!racing) {
                    x.reads = null; // ordered after every read: back to an empty read epoch
                }
            } else {
                int r = x.readThread;
                if (r >= 0 && !clocks.orderedP(r, x.readEpoch, t)) {
                    race(x, object, slot, array, r, false, x.readEpoch, x.readSite, x.readContext, x.readLockSet, t, true, site);
                }
            }
            x.writeThread = t;
            x.writeEpoch = now;
            x.writeSite = site;
            x.writeContext = state.contexts().current(t);
            x.writeLockSet = holds.lockSet(t);
            x.writeClock = readsFrom ? clocks.full(t) : null;
            return true;
        } else {
            boolean sameEpoch = x.reads != null ? x.sharedReadIn(t, now)
                    : x.readThread == t && x.readEpoch == now;
            int w = x.writeThread;
            if (w >= 0 && !clocks.orderedP(w, x.writeEpoch, t)) {
                if (!sameEpoch) {
                    race(x, object, slot, array, w, true, x.writeEpoch, x.writeSite, x.writeContext, x.writeLockSet, t, false, site);
                }
                if (readsFrom) {
                    // This read still reads that write in every correct reordering (even when an
                    // earlier read of this epoch already raced with another write).
                    clocks.joinH(t, x.writeClock);
                    clocks.joinP(t, x.writeClock);
                }
            }
            if (sameEpoch) {
                return guarded; // [READ SAME EPOCH]
            }
            int context = state.contexts().current(t);
            int lockSet = holds.lockSet(t);
            if (x.reads != null) {
                x.addRead(t, now, site, context, lockSet);
            } else {
                int r = x.readThread;
                if (r >= 0 && !clocks.orderedP(r, x.readEpoch, t)) {
                    x.shareReads(Math.max(dictionary.threadCount(), Math.max(r, t) + 1));
                    x.addRead(t, now, site, context, lockSet);
                } else {
                    x.readThread = t;
                    x.readEpoch = now;
                    x.readSite = site;
                    x.readContext = context;
                    x.readLockSet = lockSet;
                }
            }
            return true;
        }
    }

    /**
     * WCP rule (a): an access inside critical sections is ordered after the release of every
     * earlier section on the same lock that made a conflicting access (a write conflicts with
     * reads and writes, a read with writes); then this section is noted as accessing it. True
     * when that changed x's state.
     */
    private boolean orderAfterConflictingSections(int t, SectionGuards x, boolean write) {
        LockHistory[] hs = held[t];
        boolean changed = false;
        for (int i = 0, n = heldCount[t]; i < n; i++) {
            CriticalSection cs = hs[i].open;
            LockedAccesses g = x.guard(hs[i].id); // a new one changes below: it has not seen cs
            orderAfter(t, LockedAccesses.foreign(g.lastWrite, g.lastWriteOther, t));
            if (write) {
                orderAfter(t, LockedAccesses.foreign(g.lastRead, g.lastReadOther, t));
                changed |= g.wrote(cs);
            } else {
                changed |= g.read(cs);
            }
        }
        return changed;
    }

    private void orderAfter(int t, CriticalSection earlier) {
        if (earlier != null && earlier.relEpoch > clocks.c(t, earlier.thread)) {
            clocks.joinP(t, earlier.relClock);
        }
    }

    private void race(Location x, long object, int slot, boolean array, int u, boolean uWrite, int uEpoch, int uSite, int uContext,
                      int uLockSet, int t, boolean write, int site) {
        boolean predicted = clocks.orderedH(u, uEpoch, t);
        if (observer != null) {
            observer.race(object, slot, predicted);
        }
        if (!predicted) {
            return; // unordered in this run too: the HB analysis reports it
        }
        long sites = ((long) Math.min(uSite, site) << 32) | (Math.max(uSite, site) & 0xFFFFFFFFL);
        Location.LastPredicted last = x.lastPredicted;
        if (last != null && last.sites() == sites) {
            count(last.race()); // the same pair again on this location: no key to build
            return;
        }
        String location = array ? arrayKey(object) : "field:" + dictionary.fieldKey(slot);
        String key = location + "|" + sites;
        PredictedRace known = races.get(key);
        if (known == null) {
            CriticalSection[] rel = t < viaRelease.length ? viaRelease[t] : null;
            CriticalSection releasing = rel != null && u < rel.length ? rel[u] : null;
            CriticalSection acquiring = releasing == null ? null : viaAcquire[t][u];
            known = new PredictedRace(location, object, slot, array,
                    new PredictedRace.Side(u, uWrite, uSite, uContext, uLockSet),
                    new PredictedRace.Side(t, write, site, state.contexts().current(t), holds.lockSet(t)),
                    releasing, acquiring);
            races.put(key, known);
        } else {
            count(known);
        }
        x.lastPredicted = new Location.LastPredicted(known, sites);
    }

    private static void count(PredictedRace r) {
        if (r.occurrences < Integer.MAX_VALUE) {
            r.occurrences++;
        }
    }

    private String arrayKey(long array) {
        var info = dictionary.object(array);
        int alloc = info == null ? -1 : info.allocationSite();
        return "array:" + (info == null ? "?" : info.className())
                + (dictionary.sourceSite(alloc) != null ? "@" + dictionary.siteMethodKey(alloc) : "");
    }

    // ---- locks ----------------------------------------------------------------------------------

    @Override
    public void lockAcquire(int t, long lock, int site, int flags) {
        if (!holds.isOutermostAcquire(t, lock, flags) || LockFlags.isOrderOnly(flags)) {
            return; // an order-only hold (LockFlags.ORDER_ONLY) has no place in the sync order
        }
        LockHistory l = history(lock);
        if (LockFlags.isShared(flags)) {
            // A read hold keeps its observed order: the last write hold's release is a fixed edge.
            if (l.releaseH != null) {
                clocks.joinH(t, l.releaseH);
                clocks.joinP(t, l.lastReleased.relClock);
            }
            return;
        }
        CriticalSection cs = new CriticalSection(t, lock, site, state.contexts().current(t));
        if (l.releaseH != null) {
            noteHandOff(t, l.releaseH, l.lastReleased, cs);
            clocks.joinH(t, l.releaseH);
            clocks.joinP(t, l.releaseP); // WCP composed with HB on the right
        }
        if (l.sharedH != null) {
            clocks.joinH(t, l.sharedH);
            clocks.joinP(t, l.sharedFull);
        }
        cs.acqEpoch = clocks.epoch(t); // the acquire is the first event of the epoch its joins started
        if (l.opened(cs)) {
            used(t).add(l);
        }
        pushHeld(t, l);
    }

    /** Remembers, for each thread whose HB time this hand-off raises, the two critical sections it came through. */
    private void noteHandOff(int t, int[] releaseH, CriticalSection releasing, CriticalSection acquiring) {
        int[] h = clocks.h(t);
        ensureVia(t, releaseH.length);
        CriticalSection[] rel = viaRelease[t];
        CriticalSection[] acq = viaAcquire[t];
        for (int u = 0; u < releaseH.length; u++) {
            if (u != t && releaseH[u] > (u < h.length ? h[u] : 0)) {
                rel[u] = releasing;
                acq[u] = acquiring;
            }
        }
    }

    private void ensureVia(int t, int width) {
        viaRelease = ArrayGrowth.toFit(viaRelease, t);
        viaAcquire = ArrayGrowth.toFit(viaAcquire, t);
        CriticalSection[] row = viaRelease[t];
        if (row == null || row.length < width) {
            int n = Math.max(8, Math.max(width, row == null ? 0 : row.length * 2));
            viaRelease[t] = row == null ? new CriticalSection[n] : Arrays.copyOf(row, n);
            viaAcquire[t] = row == null ? new CriticalSection[n] : Arrays.copyOf(viaAcquire[t], n);
        }
    }

    @Override
    public void lockRelease(int t, long lock, int site, int flags) {
        if (!holds.isOutermostRelease(t, lock, flags) || LockFlags.isOrderOnly(flags)) {
            return;
        }
        LockHistory l = history(lock);
        if (LockFlags.isShared(flags)) {
            l.sharedH = WcpClocks.joinInto(l.sharedH, clocks.h(t));
            l.sharedFull = clocks.joinFullInto(l.sharedFull, t);
            clocks.tick(t);
            return;
        }
        CriticalSection cs = l.open;
        if (cs != null && cs.thread == t) {
            int[] preceding = l.precedingRelease(t, clocks); // WCP rule (b)
            if (preceding != null) {
                clocks.joinP(t, preceding);
            }
            cs.relClock = clocks.copyFull(t);
            cs.relEpoch = clocks.epoch(t);
            cs.relSite = site;
            l.open = null;
            l.lastReleased = cs;
            popHeld(t, l);
        } else {
            // Released without a recorded acquire (the trace began inside the section).
            l.lastReleased = new CriticalSection(t, lock, -1, 0);
            l.lastReleased.acqEpoch = clocks.epoch(t);
            l.lastReleased.relClock = clocks.copyFull(t);
            l.lastReleased.relEpoch = clocks.epoch(t);
        }
        l.releaseH = copyInto(l.releaseH, clocks.h(t));
        l.releaseP = copyInto(l.releaseP, clocks.p(t));
        l.sharedH = null;
        l.sharedFull = null;
        clocks.tick(t);
    }

    private static int[] copyInto(int[] into, int[] src) {
        if (into == null || into.length < src.length) {
            return src.clone();
        }
        System.arraycopy(src, 0, into, 0, src.length);
        Arrays.fill(into, src.length, into.length, 0);
        return into;
    }

    private LockHistory history(long lock) {
        LockHistory l = locks.get(lock);
        if (l == null) {
            l = new LockHistory(lock);
            locks.put(lock, l);
        }
        return l;
    }

    private List<LockHistory> used(int t) {
        while (usedLocks.size() <= t) {
            usedLocks.add(new ArrayList<>(2));
        }
        return usedLocks.get(t);
    }

    private void pushHeld(int t, LockHistory l) {
        held = ArrayGrowth.toFit(held, t);
        heldCount = ArrayGrowth.toFit(heldCount, t);
        LockHistory[] hs = held[t];
        if (hs == null) {
            hs = held[t] = new LockHistory[4];
        } else {
            hs = held[t] = ArrayGrowth.toFit(hs, heldCount[t]);
        }
        hs[heldCount[t]++] = l;
    }

    private void popHeld(int t, LockHistory l) {
        LockHistory[] hs = held[t];
        int n = heldCount[t];
        for (int i = n - 1; i >= 0; i--) {
            if (hs[i] == l) {
                System.arraycopy(hs, i + 1, hs, i, n - i - 1);
                hs[--heldCount[t]] = null;
                return;
            }
        }
    }

    // ---- fixed orders: threads, volatiles, hand-offs --------------------------------------------

    @Override
    public void forkJoin(int t, boolean join, int child, int site) {
        if (join) {
            clocks.joinH(t, clocks.h(child));
            clocks.joinP(t, clocks.full(child));
        } else {
            clocks.joinH(child, clocks.h(t));
            clocks.joinP(child, clocks.full(t));
            clocks.tick(t);
        }
    }

    @Override
    public void threadEnd(int t) {
        if (t < usedLocks.size()) {
            for (LockHistory l : usedLocks.get(t)) {
                l.forget(t);
            }
            usedLocks.get(t).clear();
        }
    }

    @Override
    public void volatileAccess(int t, boolean write, long object, int slot, int site) {
        if (write) {
            SyncLocation c = syncs.get(object, slot);
            syncAccess(t, c, true);
            release(t, c);
        } else {
            SyncLocation c = inSection(t) ? syncs.get(object, slot) : syncs.find(object, slot);
            syncAccess(t, c, false);
            acquire(t, c);
        }
    }

    /** A hand-off orders like a volatile write and read of the token's own sync location. */
    @Override
    public void handOff(int t, boolean release, long token, int site) {
        volatileAccess(t, release, token, TOKEN_SLOT, site);
    }

    private boolean inSection(int t) {
        return t < heldCount.length && heldCount[t] > 0;
    }

    /** A volatile or hand-off access inside critical sections conflicts like a plain one for rule (a). */
    private void syncAccess(int t, SyncLocation c, boolean write) {
        if (inSection(t)) {
            orderAfterConflictingSections(t, c.guarded(), write);
        }
    }

    private void release(int t, SyncLocation c) {
        c.h = WcpClocks.joinInto(c.h, clocks.h(t));
        c.full = clocks.joinFullInto(c.full, t);
        clocks.tick(t);
    }

    private void acquire(int t, SyncLocation c) {
        if (c != null && c.h != null) {
            clocks.joinH(t, c.h);
            clocks.joinP(t, c.full);
        }
    }

    @Override
    public void objectFreed(long object) {
        // its fields: the session drops them (TraceState.locations)
        syncs.free(object); // its volatiles, and its hand-off token
        arrays.remove(object);
        LockHistory l = locks.remove(object);
        if (l != null) {
            l.forgetAll();
        }
    }

    // ---- results --------------------------------------------------------------------------------

    @Override
    public List<Finding> findings() {
        return new PredictedRaceFindings(state).findings(races.values());
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** Fields and runs of array elements with predictive shadow state (memory tests). */
    public int locations() {
        return memory.size() + (int) arrays.runs();
    }
}
