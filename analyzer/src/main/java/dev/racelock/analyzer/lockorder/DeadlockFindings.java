package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.Fingerprints;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.state.LockClass;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.testcase.TestTimeline;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

/**
 * Searches the recorded lock-order edges for cycles with valid witnesses and turns each into a
 * finding: one per cycle of lock classes, and, inside one class, one per (class, cycle length)
 * for cycles of instances, with occurrences = distinct instance cycles seen.
 */
final class DeadlockFindings {

    private final TraceState state;
    private final TraceDictionary dictionary;
    private final List<String> warnings;
    private final CycleWitnesses.Realizability realizability;

    /** @param realizability decides which cycles a reordering of the trace deadlocks (predicted deadlocks); null: none */
    DeadlockFindings(TraceState state, List<String> warnings, CycleWitnesses.Realizability realizability) {
        this.state = state;
        this.dictionary = state.dictionary();
        this.warnings = warnings;
        this.realizability = realizability;
    }

    List<Finding> find(LongObjectMap<OrderEdge> classEdges, List<List<OrderEdge>> instanceEdgesPerClass) {
        List<Finding> out = new ArrayList<>();
        // Between classes: one shared LockClass object per vertex.
        Graph<Object, OrderEdge> classGraph = graphOf(classEdges);
        Map<List<OrderEdge>, CycleWitnesses> valid = new LinkedHashMap<>();
        BoundedCycleSearch<Object, OrderEdge> search = new BoundedCycleSearch<>(classGraph, found -> {
            // Witnesses are chosen edge by edge in cycle order: from the smallest class key, so the
            // choice does not follow where the search entered the cycle, which follows the order the
            // classes were first seen in (a section the agent left out may change that).
            List<OrderEdge> cycle = fromSmallestKey(found);
            CycleWitnesses w = CycleWitnesses.of(cycle, realizability);
            if (w != null) {
                valid.put(cycle, w);
            }
            return w != null;
        });
        search.run();
        if (search.truncated()) {
            warnings.add(truncationWarning("between lock classes", classGraph));
        }
        valid.forEach((cycle, w) -> out.add(classCycle(cycle, w)));

        // Within each class: cycles of instances.
        for (List<OrderEdge> edges : instanceEdgesPerClass) {
            LongObjectMap<OrderEdge> byIndex = new LongObjectMap<>(edges.size());
            for (int i = 0; i < edges.size(); i++) {
                byIndex.put(i, edges.get(i));
            }
            Graph<Object, OrderEdge> g = graphOf(byIndex);
            Map<String, InstanceCycles> grouped = new LinkedHashMap<>();
            BoundedCycleSearch<Object, OrderEdge> s = new BoundedCycleSearch<>(g, cycle -> {
                CycleWitnesses w = CycleWitnesses.of(cycle, realizability);
                if (w == null) {
                    return false;
                }
                LockClass c = ((LockInstance) cycle.get(0).from).lockClass;
                InstanceCycles ic = grouped.computeIfAbsent(c.key() + "|" + c.name() + "|" + cycle.size(),
                        k -> new InstanceCycles(cycle, w));
                ic.count++;
                if (w.predicted() && !ic.witnesses.predicted()) {
                    ic.cycle = cycle; // a predicted instance cycle stands for the group
                    ic.witnesses = w;
                }
                return true;
            });
            s.run();
            if (s.truncated()) {
                warnings.add(truncationWarning("between instances of "
                        + ((LockInstance) edges.get(0).from).lockClass.name(), g));
            }
            grouped.values().forEach(ic -> out.add(instanceCycle(ic)));
        }
        return out;
    }

    private static final class InstanceCycles {
        List<OrderEdge> cycle;
        CycleWitnesses witnesses;
        int count;

        InstanceCycles(List<OrderEdge> cycle, CycleWitnesses witnesses) {
            this.cycle = cycle;
            this.witnesses = witnesses;
        }
    }

    private static String truncationWarning(String where, Graph<Object, OrderEdge> g) {
        return "lock-order cycle search " + where + " (" + g.vertexSet().size() + " locks, " + g.edgeSet().size()
                + " edges) stopped at its bound (" + BoundedCycleSearch.MAX_STEPS + " steps per component, "
                + BoundedCycleSearch.MAX_CYCLES + " cycles, cycles of at most " + BoundedCycleSearch.MAX_CYCLE_LENGTH
                + " locks); some potential deadlocks may be unreported";
    }

    private static Graph<Object, OrderEdge> graphOf(LongObjectMap<OrderEdge> edges) {
        Graph<Object, OrderEdge> g = new DefaultDirectedGraph<>(null, null, false);
        edges.forEachValue(e -> {
            g.addVertex(e.from);
            g.addVertex(e.to);
            g.addEdge(e.from, e.to, e);
        });
        return g;
    }

    /** A cycle of lock classes, rotated to start at its smallest class key so reports are stable. */
    private static List<OrderEdge> fromSmallestKey(List<OrderEdge> cycle) {
        int n = cycle.size();
        int start = 0;
        for (int i = 1; i < n; i++) {
            if (key(cycle.get(i)).compareTo(key(cycle.get(start))) < 0) {
                start = i;
            }
        }
        List<OrderEdge> rotated = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rotated.add(cycle.get((start + i) % n));
        }
        return rotated;
    }

    /** A cycle of lock classes, already starting at its smallest class key ({@link #fromSmallestKey}). */
    private Finding classCycle(List<OrderEdge> cycle, CycleWitnesses w) {
        int n = cycle.size();
        List<Acquisition> witnesses = w.witnesses();
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(cycle.get(i));
        }
        String fingerprint = Fingerprints.of(FindingType.DEADLOCK, "classes", String.join("\n", keys));
        return finding(type(w), witnesses, fingerprint, id -> 0, w.validCombinations());
    }

    private static String key(OrderEdge e) {
        return ((LockClass) e.from).key() + "|" + ((LockClass) e.from).name();
    }

    /** A cycle of instances of one class: instances are numbered in cycle order to tell them apart. */
    private Finding instanceCycle(InstanceCycles ic) {
        List<OrderEdge> cycle = ic.cycle;
        int n = cycle.size();
        Map<Long, Integer> ordinal = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ordinal.put(((LockInstance) cycle.get(i).from).id, i + 1);
        }
        LockClass c = ((LockInstance) cycle.get(0).from).lockClass;
        String fingerprint = Fingerprints.of(FindingType.DEADLOCK, "instances", c.key(), Integer.toString(n));
        return finding(type(ic.witnesses), ic.witnesses.witnesses(), fingerprint, id -> ordinal.getOrDefault(id, 0),
                ic.count);
    }

    /**
     * A predicted deadlock keeps the fingerprint of the potential one (the same cycle, proven): a
     * baseline or suppression written for one covers the other.
     */
    private static FindingType type(CycleWitnesses w) {
        return w.predicted() ? FindingType.PREDICTED_DEADLOCK : FindingType.DEADLOCK;
    }

    private Finding finding(FindingType type, List<Acquisition> witnesses, String fingerprint,
                            LongToIntFunction instanceOf, int occurrences) {
        List<LockAcquisition> entries = new ArrayList<>(witnesses.size());
        for (Acquisition a : witnesses) {
            List<HeldLock> held = new ArrayList<>(a.held().length);
            for (HeldSnapshot h : a.held()) {
                held.add(new HeldLock(ref(h.lockClass(), instanceOf.applyAsInt(h.lock())), dictionary.sourceSite(h.site())));
            }
            entries.add(new LockAcquisition(ref(a.lockClass(), instanceOf.applyAsInt(a.lock())),
                    dictionary.threadRef(a.thread()), dictionary.sourceSite(a.site()),
                    state.contexts().stack(dictionary, a.site(), a.context()), held,
                    state.contexts().base(dictionary, a.context()), takenInside(a)));
        }
        return Finding.cycle(type, fingerprint, entries, Math.max(1, occurrences))
                .withTest(state.tests().ref(closingTest(witnesses)));
    }

    /**
     * For an order-only hold (a monitor a JDK method took, recorded at the application's call of
     * it), the called method its site names, {@code Transaction.deleteObserver}; else null.
     */
    private String takenInside(Acquisition a) {
        if (!LockFlags.isOrderOnly(a.flags())) {
            return null;
        }
        SiteInfo site = dictionary.site(a.site());
        MethodInfo called = site == null || site.calledMethod() < 0 ? null : dictionary.method(site.calledMethod());
        if (called == null) {
            return null;
        }
        String type = called.className();
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1) + "." + called.name();
    }

    /**
     * The test of the acquisition that closed the cycle: the last of its acquisitions, which ran
     * in the latest-started of their tests (test ids grow with start time).
     */
    private static int closingTest(List<Acquisition> witnesses) {
        int latest = TestTimeline.NONE;
        for (Acquisition a : witnesses) {
            latest = Math.max(latest, a.test());
        }
        return latest;
    }

    private static LockRef ref(LockClass lockClass, int instance) {
        return instance == 0 ? lockClass.ref() : lockClass.ref().instance(instance);
    }
}
