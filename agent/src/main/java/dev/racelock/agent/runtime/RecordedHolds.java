package dev.racelock.agent.runtime;

/**
 * The holds of monitors one thread has written, in {@code mode=locks}: the order-only holds of
 * monitors the JDK takes inside a call ({@code runtime.library.JdkMonitorHooks}), and, in a table
 * of their own, the sections of {@code synchronized} methods ({@link ElidedSections}). A hold of
 * the same monitor at the same site again, while the thread holds the same locks and has recorded
 * no other synchronization event since, gives the analyzer nothing new, so it is not written. The
 * lock-order analysis would find the same edges, from the same held locks taken at the same
 * sites, each with a witness of the same thread, site and clock, which it keeps once
 * (LockOrderAnalysis: an edge's witness is kept again only when the thread's clock moved; lock
 * events do not move it there, HappensBefore without lock edges). The race analyses ignore
 * order-only holds.
 *
 * <p>"The same locks": {@code ThreadContext.heldLocksState}; "no other synchronization event":
 * {@code ThreadContext.otherSynchronization}, which follows the trace only for a recorder that
 * numbers its events: with one that numbers nothing ({@code lastSequence} 0) every hold is written.
 *
 * <p>Owned by one thread. A direct-mapped table of {@link #SIZE} entries: a collision forgets
 * an entry, so a repeat may be written again, never a first hold skipped. It holds its monitors
 * strongly (at most {@link #SIZE}), so an entry's monitor is never confused with a newer object.
 * Hot path: no allocation, no lock; {@link System#identityHashCode} is an intrinsic (as in
 * ObjectIds).
 */
public final class RecordedHolds {
    /**
     * 1,024 entries (24 KB): with 64, Xalan's transformation, which runs under a lock of its own,
     * wrote 1.93 M holds where 1.22 M were new (docs/performance.md, "Library model").
     */
    private static final int BITS = 10;
    static final int SIZE = 1 << BITS;

    private final Object[] monitors = new Object[SIZE];
    private final int[] sites = new int[SIZE];
    private final long[] heldStates = new long[SIZE];
    /** ThreadContext.otherSynchronization when the entry was written, plus one: an empty entry (0) never matches. */
    private final long[] runs = new long[SIZE];

    /** The entry of (monitor, site): both mixed before the multiplication, whose top bits are taken. */
    public static int index(Object monitor, int site) {
        return ((System.identityHashCode(monitor) ^ site * 0x85EBCA6B) * 0x9E3779B9) >>> (32 - BITS);
    }

    /**
     * True if the hold of {@code monitor} at {@code site} was written while the thread held the
     * locks of {@code heldState}, with no other synchronization event since ({@code run}).
     */
    public boolean written(Object monitor, int site, long heldState, long run) {
        int i = index(monitor, site);
        return runs[i] == run + 1 && heldStates[i] == heldState && monitors[i] == monitor && sites[i] == site;
    }

    /** The hold was written; arguments as for {@link #written}. */
    public void write(Object monitor, int site, long heldState, long run) {
        int i = index(monitor, site);
        monitors[i] = monitor;
        sites[i] = site;
        heldStates[i] = heldState;
        runs[i] = run + 1;
    }
}
