package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dense lock-order graph must not hang the analyzer: the search is bounded by steps, cycle
 * count and cycle length (BoundedCycleSearch), and says so in a warning when it stops early.
 * These tests assert the bounds hold, not how long anything takes.
 */
class DenseLockGraphTest {

    private static final int LOCKS = 10_000;

    @Test
    void boundedSearchOnDenseRandomGraphStopsAtItsBound() {
        Graph<Object, Object> g = new DefaultDirectedGraph<>(null, null, false);
        Object[] v = new Object[LOCKS];
        for (int i = 0; i < LOCKS; i++) {
            v[i] = new Object();
            g.addVertex(v[i]);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int e = 0; e < 100_000; e++) {
            int a = random.nextInt(LOCKS);
            int b = random.nextInt(LOCKS);
            if (a != b) {
                g.addEdge(v[a], v[b], new Object());
            }
        }
        int[] examined = {0};
        BoundedCycleSearch<Object, Object> search = new BoundedCycleSearch<>(g, cycle -> {
            examined[0]++;
            assertTrue(cycle.size() <= BoundedCycleSearch.MAX_CYCLE_LENGTH);
            return true;
        });
        List<List<Object>> cycles = search.run();
        assertTrue(search.truncated());
        assertTrue(cycles.size() > 0 && cycles.size() <= BoundedCycleSearch.MAX_CYCLES);
        assertEquals(examined[0], cycles.size());
        // Iterative deepening: every 2-cycle of the graph is found before longer ones are tried.
        int twoCycles = 0;
        for (Object e : g.edgeSet()) {
            if (g.containsEdge(g.getEdgeTarget(e), g.getEdgeSource(e))) {
                twoCycles++;
            }
        }
        assertEquals(twoCycles / 2, cycles.stream().filter(c -> c.size() == 2).count());
    }

    @Test
    void rejectedCyclesStillCountAgainstTheStepBound() {
        Graph<Object, Object> g = new DefaultDirectedGraph<>(null, null, false);
        Object[] v = new Object[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = new Object();
            g.addVertex(v[i]);
        }
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                if (i != j) {
                    g.addEdge(v[i], v[j], new Object());
                }
            }
        }
        long[] examined = {0};
        BoundedCycleSearch<Object, Object> search = new BoundedCycleSearch<>(g, cycle -> {
            examined[0]++;
            return false; // nothing accepted: only the step bound can stop this complete graph
        });
        assertTrue(search.run().isEmpty());
        assertTrue(search.truncated());
        assertTrue(examined[0] <= BoundedCycleSearch.MAX_STEPS);
    }

    @Test
    void analyzerFinishesOnDenseLockOrderGraphOfTenThousandLocks() {
        AnalysisSession session = new AnalysisSession();
        int threads = 8;
        for (int t = 0; t < threads; t++) {
            session.thread(new ThreadInfo(t, "t" + t, -1, -1, false));
        }
        for (int f = 0; f < LOCKS; f++) {
            session.field(new FieldInfo(f, "com.acme.Locks", "l" + f, "Ljava/lang/Object;", false, false));
            session.object(new ObjectInfo(f + 1, "java.lang.Object", -1, f));
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 60_000; i++) {
            int t = random.nextInt(threads);
            long a = 1 + random.nextInt(LOCKS);
            long b = 1 + random.nextInt(LOCKS);
            if (a == b) {
                continue;
            }
            session.lockAcquire(t, a, -1, LockFlags.MONITOR);
            session.lockAcquire(t, b, -1, LockFlags.MONITOR);
            session.lockRelease(t, b, -1, LockFlags.MONITOR);
            session.lockRelease(t, a, -1, LockFlags.MONITOR);
        }
        // One planted inversion between two threads that otherwise never touch these locks.
        session.field(new FieldInfo(LOCKS, "com.acme.Planted", "first", "Ljava/lang/Object;", false, false));
        session.field(new FieldInfo(LOCKS + 1, "com.acme.Planted", "second", "Ljava/lang/Object;", false, false));
        session.object(new ObjectInfo(LOCKS + 1, "java.lang.Object", -1, LOCKS));
        session.object(new ObjectInfo(LOCKS + 2, "java.lang.Object", -1, LOCKS + 1));
        for (int[] order : new int[][] {{0, LOCKS + 1, LOCKS + 2}, {1, LOCKS + 2, LOCKS + 1}}) {
            session.lockAcquire(order[0], order[1], -1, LockFlags.MONITOR);
            session.lockAcquire(order[0], order[2], -1, LockFlags.MONITOR);
            session.lockRelease(order[0], order[2], -1, LockFlags.MONITOR);
            session.lockRelease(order[0], order[1], -1, LockFlags.MONITOR);
        }
        session.end(new TraceEnd(session.events(), true, null));
        AnalysisResult result = session.result();
        long deadlocks = result.findings().stream().filter(f -> f.type() == FindingType.DEADLOCK).count();
        assertTrue(result.findings().stream().anyMatch(f -> f.cycle().size() == 2
                && "second".equals(f.cycle().get(0).lock().field()) && "first".equals(f.cycle().get(1).lock().field())));
        assertTrue(deadlocks <= BoundedCycleSearch.MAX_CYCLES);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("stopped at its bound")), result.warnings().toString());
    }
}
