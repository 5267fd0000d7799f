package dev.racelock.analyzer.reorder;

/**
 * Decides whether a lock-order cycle is a sync-preserving deadlock (Tunç, Mathur, Pavlogiannis
 * &amp; Viswanathan, "Sound Dynamic Deadlock Prediction in Linear Time", PLDI 2023): whether a
 * correct reordering of the trace runs each thread of the cycle up to just before its acquisition,
 * keeping the order of every two critical sections of one lock that it contains. Then each
 * thread holds its lock of the cycle and waits for the next one, held by the next thread: the
 * reordering ends in a deadlock, so the deadlock is real (sound), not a guess.
 *
 * <p>The paper's characterization: the deadlock pattern D is sync-preserving iff the
 * sync-preserving closure of the events before D contains no event of D. The closure is the
 * smallest set of events that contains them and is closed under thread order, reads-from
 * (and here also start/join and hand-offs, {@link ReadsFromClocks}) and the lock rule: when two
 * critical sections of one lock, of two threads, are in it, the release of the earlier one is too.
 * Such a set, run in trace order, is a correct reordering: every read sees the same write as in the
 * trace (no write to its location comes between them in the trace), and locks are held by one
 * thread at a time.
 *
 * <p>Here the set is a vector of epochs, one per thread ({@link ReadsFromClocks}: every
 * acquisition starts an epoch, so "before this acquisition" is "up to the previous epoch"), and it
 * is computed as a fixpoint: close under the clocks; then, for each critical section still open
 * at a thread's end of the set, if another thread's section of the same lock later in the lock's
 * order is in the set, the open one must be released: extend the thread to that release; repeat.
 * A section never released, a history that was dropped, or too long a search answers "no": the
 * cycle is then only a potential deadlock, never a wrong prediction.
 */
public final class SyncPreservingClosure {

    /** Enclosing sections walked per thread and round (non-nested lock use makes chains long). */
    static final int MAX_ENCLOSING_WALK = 64;
    /** Work per question (clock entries joined, sections examined) before answering "no". */
    static final long MAX_STEPS = 5_000_000;

    private final ReadsFromClocks clocks;
    private final CriticalSections sections;
    private final int[][] lockThreads = {new int[8]};

    SyncPreservingClosure(ReadsFromClocks clocks, CriticalSections sections) {
        this.clocks = clocks;
        this.sections = sections;
    }

    /**
     * True when a sync-preserving correct reordering runs every {@code threads[i]} up to just
     * before its event at {@code positions[i]} (a position from {@link SyncPreservingTrace#position}
     * taken at a lock acquisition) and none of them further.
     */
    public boolean reachesAll(int[] threads, int[] positions) {
        int n = clocks.threads();
        int[] v = new int[n];
        int[] joined = new int[n];
        int[] scratch = new int[n];
        for (int i = 0; i < threads.length; i++) {
            int t = threads[i];
            if (t >= n || positions[i] < 1) {
                return false;
            }
            v[t] = Math.max(v[t], positions[i] - 1);
        }
        long steps = 0;
        boolean extended = true;
        while (extended) {
            extended = false;
            // Thread order, reads-from, start/join, hand-offs: join the clocks until nothing changes.
            boolean again = true;
            while (again) {
                again = false;
                for (int t = 0; t < n; t++) {
                    if (v[t] > joined[t]) {
                        clocks.clockAt(t, v[t], scratch);
                        joined[t] = v[t];
                        steps += n;
                        for (int u = 0; u < n; u++) {
                            if (scratch[u] > v[u]) {
                                v[u] = scratch[u];
                                again = true;
                            }
                        }
                    }
                }
                if (passesAny(v, threads, positions) || steps > MAX_STEPS) {
                    return false;
                }
            }
            // The lock rule: an open section followed, in its lock's order, by another thread's
            // section inside the set must be released inside it.
            for (int u = 0; u < n; u++) {
                if (v[u] == 0) {
                    continue;
                }
                long s = sections.lastEntered(u, v[u]);
                int walked = 0;
                while (s != CriticalSections.NONE) {
                    if (s == CriticalSections.UNKNOWN || ++walked > MAX_ENCLOSING_WALK) {
                        return false;
                    }
                    int released = sections.releaseEpoch(u, s);
                    if (released == 0 || released > v[u]) {
                        steps += 8;
                        if (followedInside(sections.lock(u, s), sections.order(u, s), u, v)) {
                            if (released == 0) {
                                return false; // never released in the trace: cannot be released first
                            }
                            v[u] = released;
                            extended = true;
                            break;
                        }
                    }
                    s = sections.enclosing(u, s);
                }
            }
            if (passesAny(v, threads, positions) || steps > MAX_STEPS) {
                return false;
            }
        }
        return true;
    }

    /** Whether a thread other than u has, inside the set, a section of {@code lock} after place {@code place}. */
    private boolean followedInside(long lock, int place, int u, int[] v) {
        int count = sections.threadsOf(lock, lockThreads);
        int[] ts = lockThreads[0];
        for (int i = 0; i < count; i++) {
            int t = ts[i];
            if (t != u && t < v.length && v[t] > 0 && sections.lastOrder(t, lock, v[t]) > place) {
                return true;
            }
        }
        return false;
    }

    private static boolean passesAny(int[] v, int[] threads, int[] positions) {
        for (int i = 0; i < threads.length; i++) {
            if (v[threads[i]] >= positions[i]) {
                return true;
            }
        }
        return false;
    }
}
