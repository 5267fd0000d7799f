package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.reorder.SyncPreservingClosure;
import dev.racelock.analyzer.reorder.SyncPreservingTrace;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.TraceHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * The lock-order analysis with sound deadlock prediction ({@code --analysis predictive};
 * docs/analyses.md, "Predicted deadlocks"): besides the lock-order graph, it follows what every
 * correct reordering of the trace must keep ({@link SyncPreservingTrace}), and a cycle whose
 * witnesses a sync-preserving reordering runs into, each thread stopped at its acquisition
 * holding the previous lock, is reported as a {@code predicted-deadlock} (Tunç et al., PLDI 2023).
 * The other cycles stay potential deadlocks ({@code deadlock}), the lower level: another path
 * through the program may still realize them, as lockdep assumes.
 */
public final class PredictiveLockOrderAnalysis extends LockOrderAnalysis {

    private final SyncPreservingTrace trace;
    /**
     * Why no cycle is predicted on this trace (every cycle then stays potential), or null. A trace
     * recorded with {@code mode=locks} holds no memory access, so no read that a reordering must
     * keep after the write it saw: a reordering allowed without them may not be one of the
     * program's. A trace that may hold owned accesses (the agent's ownership filter) says only an
     * owner's last accesses of an object, not every access inside each critical section. Set by
     * the header, before any event; the trace's history is then not kept at all, since no
     * question will be asked of it (on the synthetic stream its upkeep was a quarter of
     * {@code predictive}'s time; docs/performance.md).
     */
    private String notPredicting;

    public PredictiveLockOrderAnalysis(TraceState state) {
        this(state, new SyncPreservingTrace(state.locations()));
    }

    PredictiveLockOrderAnalysis(TraceState state, SyncPreservingTrace trace) {
        super(state);
        this.trace = trace;
    }

    /** Whether cycles may be predicted on this trace: only then is its history kept. */
    private boolean predicting() {
        return notPredicting == null;
    }

    @Override
    int position(int thread) {
        return predicting() ? trace.position(thread) : 0;
    }

    @Override
    public void header(TraceHeader header) {
        super.header(header);
        if (!header.recordsMemory()) {
            notPredicting = "trace recorded with mode=locks, which holds no memory accesses (a reordering must keep"
                    + " every read after the write it saw); every lock-order cycle is reported as a potential deadlock;"
                    + " record without mode=locks";
        } else if (header.mayHoldOwnedAccesses()) {
            notPredicting = "trace recorded with ownership=on, which keeps some accesses as summaries; every"
                    + " lock-order cycle is reported as a potential deadlock; record with ownership=off";
        }
    }

    @Override
    CycleWitnesses.Realizability realizability() {
        if (!predicting()) {
            return null;
        }
        SyncPreservingClosure closure = trace.closure();
        return witnesses -> {
            int[] threads = new int[witnesses.length];
            int[] positions = new int[witnesses.length];
            for (int i = 0; i < witnesses.length; i++) {
                threads[i] = witnesses[i].thread();
                positions[i] = witnesses[i].position();
            }
            return closure.reachesAll(threads, positions);
        };
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(super.warnings());
        if (notPredicting != null) {
            all.add("deadlocks not predicted: " + notPredicting);
        }
        if (trace.trimmed()) {
            all.add("deadlock prediction: the trace's history kept for it reached its bound ("
                    + SyncPreservingTrace.DEFAULT_BUDGET + " entries) and its oldest part was dropped; a lock-order"
                    + " cycle whose proof needs that part is reported as a potential deadlock only");
        }
        return all;
    }

    // ---- memory, volatiles, hand-offs, threads: what every correct reordering keeps --------------------

    @Override
    public void access(int thread, int target, boolean write, long object, int slot, int length, int site) {
        if (predicting()) {
            trace.access(thread, target, write, object, slot, length);
        }
    }

    @Override
    public void volatileAccess(int thread, boolean write, long object, int slot, int site) {
        if (predicting()) {
            trace.volatileAccess(thread, write, object, slot);
        }
        super.volatileAccess(thread, write, object, slot, site);
    }

    @Override
    public void handOff(int thread, boolean release, long token, int site) {
        if (predicting()) {
            trace.handOff(thread, release, token);
        }
        super.handOff(thread, release, token, site);
    }

    @Override
    public void forkJoin(int thread, boolean join, int child, int site) {
        if (predicting()) {
            trace.forkJoin(thread, join, child);
        }
        super.forkJoin(thread, join, child, site);
    }

    // ---- locks ----------------------------------------------------------------------------------------

    @Override
    public void lockRequest(int thread, long lock, int site, int flags) {
        if (predicting()) {
            trace.lockRequest(thread, lock); // first: the acquisition recorded below starts its position
        }
        super.lockRequest(thread, lock, site, flags);
    }

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        if (predicting()) {
            trace.lockAcquire(thread, lock, LockFlags.isShared(flags), holds.isOutermostAcquire(thread, lock, flags));
        }
        super.lockAcquire(thread, lock, site, flags);
    }

    @Override
    public void lockRelease(int thread, long lock, int site, int flags) {
        if (predicting()) {
            trace.lockRelease(thread, lock, LockFlags.isShared(flags), holds.isOutermostRelease(thread, lock, flags));
        }
        super.lockRelease(thread, lock, site, flags);
    }

    @Override
    public void objectFreed(long object) {
        if (predicting()) {
            trace.objectFreed(object);
        }
        super.objectFreed(object);
    }
}
