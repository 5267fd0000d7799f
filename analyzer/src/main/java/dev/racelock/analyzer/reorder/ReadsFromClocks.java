package dev.racelock.analyzer.reorder;

import java.util.Arrays;

/**
 * Per thread, an epoch clock of the order that every correct reordering of the trace keeps:
 * thread order, thread start and join, reads-from (a read, plain or volatile, sees the same write
 * in every correct reordering, so that write and everything before it come first) and library
 * hand-offs (an acquire of a token comes after the releases of it that it saw). Lock order is
 * not in it: which critical section of a lock comes first is exactly what a reordering may
 * change (the sync-preserving closure puts back the part of it that must stay,
 * {@link SyncPreservingClosure}).
 *
 * <p>Entry u of thread t's clock is the last epoch of u whose events precede t's current
 * event. An epoch of t starts at every lock acquisition (or the request before it) and whenever
 * t's clock changes, so within one epoch the clock is constant and at most the first event is an
 * acquisition: "u's events up to the end of epoch k" is then a set closed under the order
 * (whatever else epoch k holds after the event another thread depended on adds no dependency and
 * acquires no lock). Past clocks are kept as changes ({@link ClockHistory}) for the closure.
 */
final class ReadsFromClocks {

    private int[][] clock = new int[16][];
    /** Per thread, the first epoch of its clock's present value (entries other than its own). */
    private int[] changedAt = new int[16];
    private ClockHistory[] history = new ClockHistory[16];
    private int threads;
    private long changes;

    /** Threads seen (every thread id is below it). */
    int threads() {
        return threads;
    }

    /** Changes kept in every thread's history (memory budget). */
    long changes() {
        return changes;
    }

    private int[] own(int t) {
        if (t >= clock.length) {
            int n = Math.max(t + 1, clock.length * 2);
            clock = Arrays.copyOf(clock, n);
            changedAt = Arrays.copyOf(changedAt, n);
            history = Arrays.copyOf(history, n);
        }
        int[] c = clock[t];
        if (c == null) {
            c = new int[Math.max(8, t + 1)];
            c[t] = 1;
            clock[t] = c;
            changedAt[t] = 1;
            history[t] = new ClockHistory();
            threads = Math.max(threads, t + 1);
        }
        return c;
    }

    /** Thread t's current epoch. */
    int epoch(int t) {
        return own(t)[t];
    }

    /** Starts a new epoch of t (its next event is a lock acquisition). */
    void tick(int t) {
        own(t)[t]++;
    }

    /** Thread t's clock, its own entry included: for a release of t into a token. Not to be modified. */
    int[] current(int t) {
        return own(t);
    }

    /** Whether the events of u up to epoch k already precede t's present. */
    boolean knows(int t, int u, int k) {
        int[] c = own(t);
        return u == t || u < c.length && k <= c[u];
    }

    /** Orders t's next event after u's events up to the end of epoch k (a read of u's write). */
    void joinEpoch(int t, int u, int k) {
        if (knows(t, u, k)) {
            return;
        }
        own(u);
        if (k >= changedAt[u]) {
            join(t, clock[u], u, k);
        } else {
            int[] past = new int[clock[u].length];
            history[u].at(k, past);
            join(t, past, u, k);
        }
    }

    /** Orders t's next event after everything {@code src} holds (a full clock: a token's releases, a joined thread). */
    void joinClock(int t, int[] src) {
        join(t, src, -1, 0);
    }

    /** t := max(t, src), src's entry {@code owner} read as {@code ownerEpoch}; a change starts a new epoch of t. */
    private void join(int t, int[] src, int owner, int ownerEpoch) {
        int[] c = own(t);
        int n = Math.max(src.length, owner + 1);
        boolean raises = false;
        for (int u = 0; u < n && !raises; u++) {
            raises = u != t && value(src, u, owner, ownerEpoch) > (u < c.length ? c[u] : 0);
        }
        if (!raises) {
            return;
        }
        if (n > c.length) {
            // Exactly as wide as needed: growing by doubling here would make two threads whose
            // clocks have different widths double each other's in turn, on every exchange.
            c = Arrays.copyOf(c, Math.max(n, threads));
            clock[t] = c;
        }
        ClockHistory h = history[t];
        h.beforeChanges(c[t], c);
        int epoch = ++c[t];
        for (int u = 0; u < n; u++) {
            int v = value(src, u, owner, ownerEpoch);
            if (u != t && v > c[u]) {
                c[u] = v;
                h.record(epoch, u, v);
                changes++;
            }
        }
        changedAt[t] = epoch;
    }

    private static int value(int[] src, int u, int owner, int ownerEpoch) {
        if (u == owner) {
            return ownerEpoch;
        }
        return u < src.length ? src[u] : 0;
    }

    /**
     * Thread t's clock at the end of epoch k, its own entry k, into {@code out} (as wide as
     * {@link #threads()}): every event that precedes t's events of epoch k in every correct
     * reordering is in it. May be larger than exact when older history was dropped.
     */
    void clockAt(int t, int k, int[] out) {
        int[] c = own(t);
        if (k >= changedAt[t]) {
            Arrays.fill(out, 0);
            System.arraycopy(c, 0, out, 0, Math.min(c.length, out.length));
        } else {
            history[t].at(k, out);
        }
        out[t] = k;
    }

    /** Drops the older half of the longest history; returns the changes dropped (0: nothing left to drop). */
    long dropOldest() {
        int longest = -1;
        for (int t = 0; t < threads; t++) {
            if (history[t] != null && (longest < 0 || history[t].size() > history[longest].size())) {
                longest = t;
            }
        }
        if (longest < 0) {
            return 0;
        }
        int dropped = history[longest].dropOlderHalf();
        changes -= dropped;
        return dropped;
    }
}
