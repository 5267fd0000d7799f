package dev.racelock.analyzer.reorder;

import dev.racelock.analyzer.collect.ArrayStates;
import dev.racelock.analyzer.collect.ElementRuns;
import dev.racelock.analyzer.collect.LocationStates;
import dev.racelock.analyzer.collect.LocationTable;
import dev.racelock.analyzer.collect.LongObjectMap;

import dev.racelock.trace.AccessTarget;

import java.util.Arrays;

/**
 * What the sync-preserving closure ({@link SyncPreservingClosure}) needs to know of a trace,
 * recorded as the trace streams by: the clocks of the order every correct reordering keeps
 * ({@link ReadsFromClocks}), with their past, and every critical section
 * ({@link CriticalSections}). An analysis feeds it the events and takes a {@link #position} of a
 * thread at each lock acquisition it may later ask about.
 *
 * <p>Reads-from: a read (plain or volatile) is ordered after the last write of its location in
 * the trace, with everything before that write. An array accessed by ranges
 * ({@code arraycopy}, {@code fill}) longer than {@link #MAX_ELEMENTWISE_RANGE} is from then on
 * followed as a whole: a read of any of its elements is ordered after the last write of each
 * thread to any of them, more order than needed, which can only hide a deadlock.
 *
 * <p>Memory: the last writes of live objects (dropped when an object is collected), plus the past
 * of the clocks and the sections, which grow with the trace; past {@link #budget} entries the
 * oldest are dropped ({@link #trimmed()}), and a cycle whose closure reaches back to what was dropped is
 * not proven.
 */
public final class SyncPreservingTrace {

    /** Entries (clock changes and critical sections) kept by default: about 64 MB. */
    public static final long DEFAULT_BUDGET = 2_000_000;
    /** Range accesses up to this many elements are followed element by element. */
    static final int MAX_ELEMENTWISE_RANGE = 64;

    private final long budget;
    private final ReadsFromClocks clocks = new ReadsFromClocks();
    private final CriticalSections sections = new CriticalSections();
    /** The table {@link #writes} is a column of; freed here only when this trace made it itself. */
    private final LocationStates locations;
    private final boolean ownsLocations;
    /** Fields' last writes. */
    private final LocationStates.Column<LastWrite> writes;
    /**
     * Volatiles' last writes: not in the session's table, where a volatile's row would be an HB
     * shadow besides its last write (the HB race analysis never looks a volatile up), 88 bytes
     * more for each; the cache trace had 1.6 million. A field is volatile or not in every access
     * of it (its dictionary entry says which: docs/trace-format.md), so no location is in both.
     */
    private final LocationTable<VolatileWrite> volatiles = new LocationTable<>(VolatileWrite::new);
    /** Arrays followed element by element: their last writes by runs of elements. */
    private final ArrayStates<LastWrite> elements = new ArrayStates<>(LastWrite::new);
    private final LastWrite scratch = new LastWrite();
    /** Arrays followed as a whole: per thread, the epoch of its last write to any element (0: none). */
    private final LongObjectMap<int[]> wholeArrays = new LongObjectMap<>();
    /** Hand-off tokens: the clocks of their releases, joined. */
    private final LongObjectMap<int[]> tokens = new LongObjectMap<>();
    private long[] pendingRequest = new long[16];
    private boolean[] hasPending = new boolean[16];
    private boolean trimmed;
    /** Entries at which the budget is looked at next (not at every event once it cannot be met). */
    private long nextCheck;

    /** A trace with its last writes in a table of its own. */
    public SyncPreservingTrace() {
        this(DEFAULT_BUDGET);
    }

    /** A trace with its last writes in a table of its own. */
    public SyncPreservingTrace(long budget) {
        this(budget, new LocationStates(), true);
    }

    /**
     * A trace with its last writes in a column of {@code locations}, the session's table
     * (TraceState.locations), which drops an object's locations itself when it is freed.
     */
    public SyncPreservingTrace(LocationStates locations) {
        this(DEFAULT_BUDGET, locations, false);
    }

    private SyncPreservingTrace(long budget, LocationStates locations, boolean ownsLocations) {
        this.budget = budget;
        this.nextCheck = budget;
        this.locations = locations;
        this.ownsLocations = ownsLocations;
        this.writes = locations.claim(LastWrite::new);
    }

    /** A question answered on the trace seen so far. */
    public SyncPreservingClosure closure() {
        return new SyncPreservingClosure(clocks, sections);
    }

    /**
     * Where thread t is: at a lock acquisition (or its request), after this trace has seen it,
     * the position that {@link SyncPreservingClosure#reachesAll} takes for "just before it".
     */
    public int position(int t) {
        return clocks.epoch(t);
    }

    /** Last writes kept: one per field and volatile, one per run of array elements (memory tests). */
    long lastWrites() {
        return writes.size() + volatiles.size() + elements.runs();
    }

    /** True once older history was dropped to stay within the budget. */
    public boolean trimmed() {
        return trimmed;
    }

    // ---- memory --------------------------------------------------------------------------------------

    /** A plain access, as EventVisitor.access delivers it ({@code target} an {@link AccessTarget}). */
    public void access(int t, int target, boolean write, long object, int slot, int length) {
        if (target == AccessTarget.RANGE) {
            arrayRange(t, object, slot, length, write);
        } else if (target == AccessTarget.ELEMENT) {
            element(t, write, object, slot);
        } else {
            field(t, write, object, slot);
        }
    }

    private void field(int t, boolean write, long object, int slot) {
        if (write) {
            write(t, object, slot);
        } else {
            read(t, object, slot);
        }
    }

    private void element(int t, boolean write, long array, int index) {
        if (write) {
            arrayWrite(t, array, index);
        } else {
            arrayRead(t, array, index);
        }
    }

    private void read(int t, long object, int slot) {
        readFrom(t, writes.find(object, slot));
    }

    private void readFrom(int t, LastWrite w) {
        if (w != null) {
            readFrom(t, w.thread, w.epoch);
        }
    }

    /** A read of a location last written by {@code writer} (-1: none) in {@code epoch}. */
    private void readFrom(int t, int writer, int epoch) {
        if (writer >= 0 && writer != t) {
            clocks.joinEpoch(t, writer, epoch);
            keepWithinBudget();
        }
    }

    private void write(int t, long object, int slot) {
        LastWrite w = writes.get(object, slot);
        w.thread = t;
        w.epoch = clocks.epoch(t);
    }

    /**
     * A read of an element. An array is followed either by element runs or whole, never both
     * ({@link #followAsWhole} moves it): an array with runs needs no look into wholeArrays, and
     * most accesses find their array's runs in the cache of {@link ArrayStates}.
     */
    private void arrayRead(int t, long array, int index) {
        ElementRuns<LastWrite> runs = elements.find(array);
        if (runs != null) {
            elementRead(t, runs, index);
        } else {
            int[] whole = wholeArrays.isEmpty() ? null : wholeArrays.get(array);
            if (whole != null) {
                readWhole(t, whole);
            }
        }
    }

    private void arrayWrite(int t, long array, int index) {
        ElementRuns<LastWrite> runs = elements.find(array);
        int[] whole = runs != null || wholeArrays.isEmpty() ? null : wholeArrays.get(array);
        if (whole != null) {
            writeWhole(t, array, whole);
        } else {
            elementWrite(t, runs != null ? runs : elements.of(array), index);
        }
    }

    private void elementRead(int t, ElementRuns<LastWrite> runs, int index) {
        ElementRuns.Run<LastWrite> r = runs.find(index);
        readFrom(t, r == null ? null : r.state);
    }

    private void elementWrite(int t, ElementRuns<LastWrite> runs, int index) {
        ElementRuns.Run<LastWrite> r = runs.find(index);
        int epoch = clocks.epoch(t);
        if (r != null && r.state.thread == t && r.state.epoch == epoch) {
            return;
        }
        scratch.thread = t;
        scratch.epoch = epoch;
        runs.put(index, r, scratch);
    }

    /** A short range element by element; a long one, or any range of an array already followed whole, whole. */
    private void arrayRange(int t, long array, int from, int length, boolean write) {
        int[] whole = wholeArrays.isEmpty() ? null : wholeArrays.get(array);
        if (whole == null && length <= MAX_ELEMENTWISE_RANGE) {
            for (int i = 0; i < length; i++) {
                element(t, write, array, from + i);
            }
            return;
        }
        int[] wholeClock = whole != null ? whole : followAsWhole(array);
        if (write) {
            writeWhole(t, array, wholeClock);
        } else {
            readWhole(t, wholeClock);
        }
    }

    private int[] followAsWhole(long array) {
        int[][] whole = {new int[Math.max(8, clocks.threads())]};
        ElementRuns<LastWrite> runs = elements.remove(array);
        if (runs != null) {
            runs.forEach(r -> {
                LastWrite w = r.state;
                if (w.thread >= 0) {
                    if (w.thread >= whole[0].length) {
                        whole[0] = Arrays.copyOf(whole[0], Math.max(w.thread + 1, whole[0].length * 2));
                    }
                    whole[0][w.thread] = Math.max(whole[0][w.thread], w.epoch);
                }
            });
        }
        wholeArrays.put(array, whole[0]);
        return whole[0];
    }

    private void readWhole(int t, int[] whole) {
        for (int u = 0; u < whole.length; u++) {
            if (whole[u] > 0 && u != t) {
                clocks.joinEpoch(t, u, whole[u]);
            }
        }
        keepWithinBudget();
    }

    private void writeWhole(int t, long array, int[] whole) {
        if (t >= whole.length) {
            whole = Arrays.copyOf(whole, Math.max(t + 1, whole.length * 2));
            wholeArrays.put(array, whole);
        }
        whole[t] = clocks.epoch(t);
    }

    /** A volatile access takes part in reads-from as a plain field access does. */
    public void volatileAccess(int t, boolean write, long object, int slot) {
        if (write) {
            VolatileWrite w = volatiles.get(object, slot);
            w.thread = t;
            w.epoch = clocks.epoch(t);
        } else {
            VolatileWrite w = volatiles.find(object, slot);
            if (w != null) {
                readFrom(t, w.thread, w.epoch);
            }
        }
    }

    // ---- hand-offs and threads -------------------------------------------------------------------

    public void handOff(int t, boolean release, long token) {
        if (release) {
            hbRelease(t, token);
        } else {
            hbAcquire(t, token);
        }
    }

    private void hbRelease(int t, long token) {
        int[] mine = clocks.current(t);
        int[] c = tokens.get(token);
        if (c == null) {
            tokens.put(token, mine.clone());
            return;
        }
        if (c.length < mine.length) {
            c = Arrays.copyOf(c, mine.length);
            tokens.put(token, c);
        }
        for (int u = 0; u < mine.length; u++) {
            c[u] = Math.max(c[u], mine[u]);
        }
    }

    private void hbAcquire(int t, long token) {
        int[] c = tokens.get(token);
        if (c != null) {
            clocks.joinClock(t, c);
            keepWithinBudget();
        }
    }

    /** A start orders the child after its parent so far; a join, the joining thread after the child's end. */
    public void forkJoin(int t, boolean join, int child) {
        if (join) {
            clocks.joinClock(t, clocks.current(child));
        } else {
            clocks.joinClock(child, clocks.current(t));
        }
        keepWithinBudget();
    }

    // ---- locks ----------------------------------------------------------------------------------------

    /** A thread asks for a lock (and may block): the acquisition starts here. */
    public void lockRequest(int t, long lock) {
        ensure(t);
        clocks.tick(t);
        pendingRequest[t] = lock;
        hasPending[t] = true;
    }

    /**
     * A lock acquired; {@code outermost}: a critical section starts (the first hold, or the
     * re-acquire after a wait), else a reentrant hold, which changes nothing.
     */
    public void lockAcquire(int t, long lock, boolean shared, boolean outermost) {
        ensure(t);
        boolean requested = hasPending[t] && pendingRequest[t] == lock;
        hasPending[t] = false;
        if (!outermost) {
            return;
        }
        if (!requested) {
            clocks.tick(t);
        }
        sections.acquire(t, lock, shared, clocks.epoch(t));
        keepWithinBudget();
    }

    /** A lock released; {@code outermost}: the critical section ends (the last hold, or a wait). */
    public void lockRelease(int t, long lock, boolean shared, boolean outermost) {
        if (outermost) {
            sections.release(t, lock, shared, clocks.epoch(t));
        }
    }

    private void ensure(int t) {
        if (t >= hasPending.length) {
            int n = Math.max(t + 1, hasPending.length * 2);
            pendingRequest = Arrays.copyOf(pendingRequest, n);
            hasPending = Arrays.copyOf(hasPending, n);
        }
    }

    public void objectFreed(long object) {
        if (ownsLocations) {
            locations.free(object);
        }
        volatiles.free(object);
        elements.remove(object);
        if (!wholeArrays.isEmpty()) {
            wholeArrays.remove(object);
        }
        tokens.remove(object);
        sections.freed(object);
    }

    private void keepWithinBudget() {
        if (clocks.changes() + sections.size() <= nextCheck) {
            return;
        }
        // Down to three quarters, so that trimming (a pass over the threads) is rare.
        while (clocks.changes() + sections.size() > budget - budget / 4) {
            long dropped = clocks.changes() > sections.size() ? clocks.dropOldest() : sections.dropOldest();
            if (dropped == 0 && clocks.dropOldest() + sections.dropOldest() == 0) {
                break;
            }
            trimmed = true;
        }
        nextCheck = Math.max(budget, clocks.changes() + sections.size() + budget / 8);
    }
}
