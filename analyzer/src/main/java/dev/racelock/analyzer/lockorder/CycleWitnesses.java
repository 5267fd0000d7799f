package dev.racelock.analyzer.lockorder;

import dev.racelock.trace.LockFlags;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks one witness acquisition per edge of a lock-order cycle such that the cycle could really
 * deadlock (docs/analyses.md, "Potential deadlocks"):
 * <ol>
 *   <li>each edge blocks: its acquisition was not a tryLock (or timed tryLock);</li>
 *   <li>the edges come from distinct threads (one thread cannot wait for itself);</li>
 *   <li>no two acquisitions are ordered by happens-before (start/join, volatile, hand-offs):
 *       ordered acquisitions can never be pending at once;</li>
 *   <li>no gate lock: no lock instance is held at every acquisition (unless all hold it shared),
 *       since a common lock lets only one thread into the sequence at a time;</li>
 *   <li>each wait is real: a shared (read) acquisition of a lock that the next thread of the
 *       cycle holds shared does not wait (read holds coexist), as lockdep treats read-read.</li>
 * </ol>
 * The search is a bounded backtracking over the (bounded) witnesses of each edge. With a
 * {@link Realizability}, it also looks for witnesses that a reordering of the trace deadlocks
 * with: the cycle is then a predicted deadlock, not only a potential one.
 */
final class CycleWitnesses {

    /** Whether a correct reordering of the trace stops each thread of the cycle at its acquisition, all at once. */
    @FunctionalInterface
    interface Realizability {
        boolean deadlocks(Acquisition[] witnesses);
    }

    /** Valid combinations checked for a reordering per cycle. */
    static final int MAX_REORDERING_CHECKS = 64;

    /** Combinations examined per cycle before giving up on it. */
    static final int MAX_TRIES = 100_000;
    /** Valid combinations counted per cycle (occurrences saturate here). */
    static final int MAX_COUNTED = 1_000;

    private final List<List<Acquisition>> candidates = new ArrayList<>();
    private final Acquisition[] chosen;
    private final Realizability realizability;
    private List<Acquisition> first;
    private List<Acquisition> realized;
    private int valid;
    private int tries;
    private int checks;

    private CycleWitnesses(List<OrderEdge> cycle, Realizability realizability) {
        this.realizability = realizability;
        for (OrderEdge e : cycle) {
            List<Acquisition> c = new ArrayList<>();
            for (Acquisition a : e.witnesses()) {
                if (!a.nonBlocking()) {
                    c.add(a);
                }
            }
            candidates.add(c);
        }
        chosen = new Acquisition[cycle.size()];
    }

    /** The valid witnesses of {@code cycle} (first found) and how many valid combinations exist (bounded), or null. */
    static CycleWitnesses of(List<OrderEdge> cycle) {
        return of(cycle, null);
    }

    /**
     * As {@link #of(List)}; with a realizability, the witnesses are the first valid ones that a
     * reordering deadlocks with, if any is found among the first {@link #MAX_REORDERING_CHECKS}.
     */
    static CycleWitnesses of(List<OrderEdge> cycle, Realizability realizability) {
        CycleWitnesses w = new CycleWitnesses(cycle, realizability);
        for (List<Acquisition> c : w.candidates) {
            if (c.isEmpty()) {
                return null;
            }
        }
        w.search(0);
        return w.first == null ? null : w;
    }

    /** The witnesses to report: those a reordering deadlocks with, else the first valid ones. */
    List<Acquisition> witnesses() {
        return realized != null ? realized : first;
    }

    /** True when a correct reordering of the trace deadlocks with {@link #witnesses()}. */
    boolean predicted() {
        return realized != null;
    }

    int validCombinations() {
        return valid;
    }

    private void search(int i) {
        if (i == chosen.length) {
            if (!gated() && everyOneWaits()) {
                valid++;
                if (first == null) {
                    first = List.of(chosen.clone());
                }
                if (realizability != null && realized == null && checks < MAX_REORDERING_CHECKS) {
                    checks++;
                    if (realizability.deadlocks(chosen.clone())) {
                        realized = List.of(chosen.clone());
                    }
                }
            }
            return;
        }
        for (Acquisition a : candidates.get(i)) {
            if (valid >= MAX_COUNTED || ++tries > MAX_TRIES) {
                return;
            }
            if (compatible(a, i)) {
                chosen[i] = a;
                search(i + 1);
            }
        }
    }

    private boolean compatible(Acquisition a, int upTo) {
        for (int j = 0; j < upTo; j++) {
            Acquisition b = chosen[j];
            if (a.thread() == b.thread() || a.happensBefore(b) || b.happensBefore(a)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Around the cycle, acquisition i waits for the lock the next thread holds; two shared holds
     * of a read-write lock do not exclude each other, so such a step would not wait.
     */
    private boolean everyOneWaits() {
        for (int i = 0; i < chosen.length; i++) {
            Acquisition a = chosen[i];
            if (!LockFlags.isShared(a.flags())) {
                continue;
            }
            Acquisition holder = chosen[(i + 1) % chosen.length];
            for (HeldSnapshot h : holder.held()) {
                boolean same = h.lock() == a.lock() || h.lockClass() == a.lockClass();
                if (same && h.shared()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A lock instance held at every chosen acquisition, exclusively by at least one of them. */
    private boolean gated() {
        for (HeldSnapshot candidate : chosen[0].held()) {
            boolean everywhere = true;
            boolean exclusive = !candidate.shared();
            for (int j = 1; j < chosen.length && everywhere; j++) {
                HeldSnapshot h = find(chosen[j].held(), candidate.lock());
                if (h == null) {
                    everywhere = false;
                } else if (!h.shared()) {
                    exclusive = true;
                }
            }
            if (everywhere && exclusive) {
                return true;
            }
        }
        return false;
    }

    private static HeldSnapshot find(HeldSnapshot[] held, long lock) {
        for (HeldSnapshot h : held) {
            if (h.lock() == lock) {
                return h;
            }
        }
        return null;
    }
}
