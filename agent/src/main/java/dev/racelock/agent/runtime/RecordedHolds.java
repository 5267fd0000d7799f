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
 * <p>Owned by one thread. A direct-mapped table of {@link #SIZE} entries, by monitor or by the
 * lock's id (never an id of 0): a collision forgets
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
        locks[i] = 0;
        sites[i] = site;
        heldStates[i] = heldState;
        runs[i] = run + 1;
    }

    // ---- by the lock's id: for a monitor that is held when asked ----------------------------------
    // (System.identityHashCode of an object whose monitor the thread holds makes HotSpot inflate
    // that monitor, and every later lock of it takes the slow path: the sections of synchronized
    // methods, asked at their entry, are keyed by the id the trace gives the monitor instead)

    private final long[] locks = new long[SIZE];

    /** The entry of (lock id, site). */
    static int index(long lock, int site) {
        return (int) (((lock ^ site * 0x85EBCA6BL) * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }

    /** As {@link #written}, for the lock of that id. */
    public boolean written(long lock, int site, long heldState, long run) {
        int i = index(lock, site);
        return runs[i] == run + 1 && heldStates[i] == heldState && locks[i] == lock && monitors[i] == null
                && sites[i] == site;
    }

    /** As {@link #write}, for the lock of that id. */
    public void write(long lock, int site, long heldState, long run) {
        int i = index(lock, site);
        monitors[i] = null;
        locks[i] = lock;
        sites[i] = site;
        heldStates[i] = heldState;
        runs[i] = run + 1;
    }
}
