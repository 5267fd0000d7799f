package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.hb.ClockedAnalysis;
import dev.racelock.analyzer.hb.VectorClock;
import dev.racelock.analyzer.state.LockClass;
import dev.racelock.analyzer.state.LockClasses;
import dev.racelock.analyzer.state.LockHolds;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.LockFlags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Potential deadlocks from the lock-order graph, grouped by lock class as lockdep does
 * (docs/analyses.md, "Potential deadlocks"). Every outermost, non-WAIT acquisition (or blocking
 * request) of a lock {@code l2} while holding {@code l1} adds the edge l1 -> l2 with a witness.
 *
 * <p>Two levels:
 * <ul>
 *   <li>between lock classes: a cycle of classes (Account.lock -> Bank.lock -> Account.lock) is
 *       reported as lockdep reports it, whichever instances were involved;</li>
 *   <li>within one lock class: taking one instance while holding another of the same class is a
 *       class-level self-loop, which alone proves nothing (hand-over-hand locking is fine), so
 *       those edges go into an instance-level graph of that class, and a cycle of instances
 *       there (bank transfer: a1 -> a2 in one thread, a2 -> a1 in another) is the deadlock.</li>
 * </ul>
 * At the end of the trace each graph is searched for cycles (Kosaraju SCC, then a bounded search,
 * see {@link BoundedCycleSearch}) and a cycle is reported only with valid witnesses
 * ({@link CycleWitnesses}). Happens-before here leaves out lock edges: the order in which two
 * threads happened to get a lock could have been the other way round. Edges outlive their
 * locks: a deadlock pattern seen while a lock lived is still a bug after it is collected.
 */
public sealed class LockOrderAnalysis extends ClockedAnalysis permits PredictiveLockOrderAnalysis {

    /** Instance pairs recorded per lock class; beyond it new pairs are not recorded (a warning says so). */
    static final int MAX_INSTANCE_EDGES_PER_CLASS = 100_000;

    private final TraceState state;
    /** The shared lock holds, as they were before the event being delivered. */
    final LockHolds holds;
    private final LockClasses classes;
    private final LongObjectMap<OrderEdge> classEdges = new LongObjectMap<>();
    private final LongObjectMap<InstanceOrder> instanceOrders = new LongObjectMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long[] pendingRequest = new long[16];
    private boolean[] hasPending = new boolean[16];
    private List<Finding> findings;
    private List<String> searchWarnings = List.of();

    /** The instance-level graph of one lock class. */
    private static final class InstanceOrder {
        final LongObjectMap<LockInstance> instances = new LongObjectMap<>();
        final Map<InstancePair, OrderEdge> edges = new HashMap<>();
        boolean full;
    }

    private record InstancePair(long from, long to) {}

    public LockOrderAnalysis(TraceState state) {
        super(false); // lock edges would hide deadlocks: who got a lock first could have been the other way
        this.state = state;
        this.holds = state.holds();
        this.classes = state.lockClasses();
    }

    // ---- lock events --------------------------------------------------------------------------

    @Override
    public void lockRequest(int thread, long lock, int site, int flags) {
        if (LockFlags.isTry(flags) || !holds.isLockOrderAcquire(thread, lock, flags)) {
            return;
        }
        record(thread, lock, site, flags);
        ensure(thread);
        pendingRequest[thread] = lock;
        hasPending[thread] = true;
    }

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        if (!holds.isLockOrderAcquire(thread, lock, flags)) {
            return; // reentrant, or the re-acquire after a wait: never an edge
        }
        ensure(thread);
        boolean requested = hasPending[thread] && pendingRequest[thread] == lock;
        hasPending[thread] = false;
        if (!requested) {
            record(thread, lock, site, flags);
        }
    }

    private void ensure(int thread) {
        if (thread >= hasPending.length) { // a per-event path: no field stores unless it grows
            pendingRequest = ArrayGrowth.toFit(pendingRequest, thread);
            hasPending = ArrayGrowth.toFit(hasPending, thread);
        }
    }

    private void record(int thread, long lock, int site, int flags) {
        int n = holds.heldCount(thread);
        if (n == 0) {
            return;
        }
        findings = null; // the graph changes: findings are computed again when asked
        LockClass acquired = classes.of(lock, flags, site);
        long version = hb.version(thread);
        boolean nonBlocking = LockFlags.isTry(flags) || LockFlags.isTimed(flags);
        Acquisition snapshot = null;
        for (int i = 0; i < n; i++) {
            long held = holds.heldLock(thread, i);
            if (held == lock) {
                continue; // the other mode of the same read-write lock (downgrade, upgrade attempt)
            }
            LockClass heldClass = classes.of(held, holds.heldFlags(thread, i), holds.heldSite(thread, i));
            OrderEdge e = heldClass == acquired ? instanceEdge(heldClass, held, lock)
                    : classEdge(heldClass, acquired);
            if (e == null) {
                continue;
            }
            e.count++;
            int heldSite = holds.heldSite(thread, i);
            OrderEdge.Slot slot = e.slot(thread, site, heldSite, nonBlocking);
            if (slot == null) {
                if (e.slots.size() < OrderEdge.MAX_WITNESS_KEYS) {
                    snapshot = snapshot != null ? snapshot : snapshot(thread, lock, acquired, site, flags);
                    e.slots.add(new OrderEdge.Slot(heldSite, snapshot, version));
                }
            } else if (slot.lastVersion != version) {
                // Same code path, but a different happens-before position: keep the latest too.
                snapshot = snapshot != null ? snapshot : snapshot(thread, lock, acquired, site, flags);
                slot.last = snapshot;
                slot.lastVersion = version;
            }
        }
    }

    private Acquisition snapshot(int thread, long lock, LockClass lockClass, int site, int flags) {
        int n = holds.heldCount(thread);
        HeldSnapshot[] held = new HeldSnapshot[n];
        for (int i = 0; i < n; i++) {
            long h = holds.heldLock(thread, i);
            int hf = holds.heldFlags(thread, i);
            int hs = holds.heldSite(thread, i);
            held[i] = new HeldSnapshot(h, classes.of(h, hf, hs), hs, holds.heldContext(thread, i), LockFlags.isShared(hf));
        }
        return new Acquisition(thread, lock, lockClass, site, state.contexts().current(thread), flags, held,
                new VectorClock(hb.clock(thread)), hb.slot(thread), position(thread),
                state.tests().current(thread));
    }

    /** Where the thread is, for the deadlock prediction; 0: nothing predicts. */
    int position(int thread) {
        return 0;
    }

    /** Decides whether some reordering of the trace deadlocks with these witnesses; null: lock order only. */
    CycleWitnesses.Realizability realizability() {
        return null;
    }

    private OrderEdge classEdge(LockClass from, LockClass to) {
        long key = ((long) from.id() << 32) | (to.id() & 0xFFFFFFFFL);
        OrderEdge e = classEdges.get(key);
        if (e == null) {
            e = new OrderEdge(from, to);
            classEdges.put(key, e);
        }
        return e;
    }

    private OrderEdge instanceEdge(LockClass lockClass, long from, long to) {
        InstanceOrder order = instanceOrders.computeIfAbsent(lockClass.id(), InstanceOrder::new);
        InstancePair pair = new InstancePair(from, to);
        OrderEdge e = order.edges.get(pair);
        if (e == null) {
            if (order.edges.size() >= MAX_INSTANCE_EDGES_PER_CLASS) {
                if (!order.full) {
                    order.full = true;
                    warnings.add("lock order within " + lockClass.name() + ": more than " + MAX_INSTANCE_EDGES_PER_CLASS
                            + " instance pairs; later pairs were not recorded");
                }
                return null;
            }
            e = new OrderEdge(instance(order, from, lockClass), instance(order, to, lockClass));
            order.edges.put(pair, e);
        }
        return e;
    }

    private static LockInstance instance(InstanceOrder order, long id, LockClass lockClass) {
        LockInstance i = order.instances.get(id);
        if (i == null) {
            i = new LockInstance(id, lockClass);
            order.instances.put(id, i);
        }
        return i;
    }

    // ---- results ------------------------------------------------------------------------------

    @Override
    public List<Finding> findings() {
        if (findings == null) {
            List<String> w = new ArrayList<>();
            findings = new DeadlockFindings(state, w, realizability()).find(classEdges, collectInstanceEdges());
            searchWarnings = w;
        }
        return findings;
    }

    private List<List<OrderEdge>> collectInstanceEdges() {
        List<List<OrderEdge>> perClass = new ArrayList<>();
        instanceOrders.forEachValue(o -> perClass.add(new ArrayList<>(o.edges.values())));
        return perClass;
    }

    @Override
    public List<String> warnings() {
        findings();
        List<String> all = new ArrayList<>(warnings);
        all.addAll(searchWarnings);
        String early = earlySlotWarning("a deadlock involving a lock taken");
        if (early != null) {
            all.add(early);
        }
        return all;
    }
}
