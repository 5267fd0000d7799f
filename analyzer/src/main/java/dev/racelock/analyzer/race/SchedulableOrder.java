package dev.racelock.analyzer.race;

import dev.racelock.analyzer.hb.HappensBefore;
import dev.racelock.analyzer.hb.VectorClock;
import dev.racelock.trace.ArrayGrowth;

/**
 * What a thread knows beyond happens-before through the reads-from order: schedulable
 * happens-before (SHB; Mathur, Kini &amp; Viswanathan, "What Happens-After the First Race?",
 * OOPSLA 2018) is happens-before plus an edge from the last write of a location to each read of
 * it. In every correct reordering of the trace in which a read sees the same write, everything
 * before the write comes before the read; so a race that happens-before finds between accesses
 * that SHB orders can only happen after the race that let the read see the write: it is that
 * race's consequence, not a bug of its own (the paper's Theorem: SHB-unordered conflicting pairs
 * are exactly the schedulable races).
 *
 * <p>Only a read that races with the write it saw needs an edge of its own: a write ordered
 * before the read by happens-before is already known to the reader's clock. So the edges are
 * rare, and kept per reading thread as a short list, each with the race it came from
 * ({@link RaceRecord}, the cause) and what it orders:
 * <ul>
 *   <li>the writer's own accesses up to the write. Epochs end only at releases, so several
 *       accesses of the writer share the write's epoch; each access has a <em>position</em>
 *       (its thread's count of field accesses so far, {@link #nextPosition}), and an access of
 *       the writer is ordered when its epoch is earlier, or equal with a position no later than
 *       the write's;</li>
 *   <li>what the writer knew at the write, from other threads: its clock then. Clocks change at
 *       acquire-type events, so the writer's present clock is its clock at the write when it has
 *       acquired nothing since (its releases only tick its own entry, which the positions above
 *       replace); otherwise this part is left out.</li>
 * </ul>
 *
 * <p>Everything left out only orders less, so a consequence may stay a race of its own, but a
 * race SHB finds in the trace is never taken for a consequence (the trace's own limits, a repeat
 * the agent dropped: docs/analyses.md, "Races that follow a race"); likewise edges are not passed on through the
 * reader's later releases (a third thread that synchronizes with the reader does not learn them),
 * at most {@link #EDGES_PER_THREAD} are kept per thread, the oldest dropped first, and only field
 * accesses have positions, once a second thread has touched the object (RaceAnalysis.position):
 * the accesses of an array share their run's state, and those the agent may keep beside an
 * object are written out without their place; such an access's position is {@link #UNKNOWN},
 * ordered only by an earlier epoch.
 */
final class SchedulableOrder {

    /** A position not known: never ordered by position, and a write at it orders no position. */
    static final int UNKNOWN = Integer.MAX_VALUE;

    static final int EDGES_PER_THREAD = 8;

    /** A reads-from edge into a thread: the write's thread, epoch and position, its clock then (or null), its race. */
    private record Edge(int writer, int epoch, int position, VectorClock writerClock, RaceRecord cause) {}

    private final HappensBefore hb;
    private final boolean enabled;
    private Edge[][] edges = new Edge[16][];
    private int[] edgeCount = new int[16];
    /** Per thread: the last position handed out, and that before its last acquire-type event. */
    private int[] positions = new int[16];
    private int[] acquiredAt = new int[16];

    /** With {@code enabled} false, no edge is ever kept: happens-before alone. */
    SchedulableOrder(HappensBefore hb, boolean enabled) {
        this.hb = hb;
        this.enabled = enabled;
    }

    /** The position of a field access of thread {@code t} now being recorded (UNKNOWN once they ran out). */
    int nextPosition(int t) {
        if (t >= positions.length) {
            grow(t);
        }
        int p = positions[t] + 1;
        if (p == UNKNOWN) {
            return UNKNOWN;
        }
        positions[t] = p;
        return p;
    }

    /** Thread {@code t}'s clock may now hold more than at its earlier accesses (an acquire, a join). */
    void acquired(int t) {
        grow(t);
        acquiredAt[t] = positions[t];
    }

    private void grow(int t) {
        if (t >= acquiredAt.length) { // a per-event path: no field stores unless it grows
            acquiredAt = ArrayGrowth.toFit(acquiredAt, t);
            positions = ArrayGrowth.toFit(positions, t);
            edges = ArrayGrowth.toFit(edges, t);
            edgeCount = ArrayGrowth.toFit(edgeCount, t);
        }
    }

    /**
     * The race whose reads-from edge orders the access of thread {@code u} at {@code epoch} and
     * {@code position} before thread {@code t}'s present, or null when no edge does (then the
     * two accesses race in SHB too, if happens-before did not order them).
     */
    RaceRecord cause(int t, int u, int epoch, int position) {
        if (t >= edgeCount.length || edgeCount[t] == 0) {
            return null;
        }
        Edge[] own = edges[t];
        for (int i = 0; i < edgeCount[t]; i++) {
            Edge e = own[i];
            if (u == e.writer) {
                if (epoch < e.epoch || epoch == e.epoch && position <= e.position) {
                    return e.cause;
                }
            } else if (e.writerClock != null && epoch <= e.writerClock.get(hb.slot(u))) {
                return e.cause;
            }
        }
        return null;
    }

    /**
     * Thread {@code reader} read what thread {@code writer} wrote at {@code epoch} and
     * {@code position}, and happens-before did not order the two: SHB's reads-from edge, which
     * came from race {@code cause} (the race itself, or the race it is a consequence of).
     */
    void readFrom(int reader, int writer, int epoch, int position, RaceRecord cause) {
        if (!enabled) {
            return;
        }
        grow(reader);
        int writerAcquired = writer < acquiredAt.length ? acquiredAt[writer] : 0;
        boolean clockThen = position != UNKNOWN && writerAcquired < position;
        int ownUpTo = position == UNKNOWN ? -1 : position;
        Edge[] own = edges[reader];
        int n = edgeCount[reader];
        for (int i = 0; i < n; i++) {
            Edge e = own[i];
            if (e.writer == writer && e.epoch == epoch && e.position >= ownUpTo && (e.writerClock != null || !clockThen)) {
                return; // an edge that orders as much is there
            }
        }
        Edge edge = new Edge(writer, epoch, ownUpTo, clockThen ? hb.copyOfClock(writer) : null, cause);
        if (own == null) {
            own = new Edge[EDGES_PER_THREAD];
            edges[reader] = own;
        }
        if (n == EDGES_PER_THREAD) {
            System.arraycopy(own, 1, own, 0, n - 1); // the oldest goes: it orders less from now on, never more
            n--;
        }
        own[n] = edge;
        edgeCount[reader] = n + 1;
    }
}
