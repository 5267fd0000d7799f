package dev.racelock.analyzer.lockorder;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds simple cycles of a lock-order graph within fixed bounds, so that a dense graph never hangs
 * the analyzer (docs/analyses.md, "Potential deadlocks"): strongly connected components first (Kosaraju, JGraphT; its depth-first search is iterative, where Gabow's recursion overflows the stack on a long path of 10,000 locks),
 * since every cycle lies inside one; then, inside each component, a depth-first enumeration of
 * simple cycles, each found once from its lowest-numbered vertex, that stops at
 * {@link #MAX_CYCLE_LENGTH} edges per cycle, {@link #MAX_STEPS} edge expansions per component and
 * {@link #MAX_CYCLES} accepted cycles in all. Self-loops are not cycles here.
 *
 * <p>Work is thus at most O(V + E) for the components plus MAX_STEPS per component with a cycle
 * (each step is O(1) amortized), whatever the graph's density.
 */
final class BoundedCycleSearch<V, E> {

    static final int MAX_CYCLE_LENGTH = 12;
    static final long MAX_STEPS = 1_000_000;
    static final int MAX_CYCLES = 10_000;

    private final Graph<V, E> graph;
    private final Predicate<List<E>> accept;
    private final List<List<E>> cycles = new ArrayList<>();
    private boolean truncated;
    private long steps;

    /** @param accept decides whether a found cycle counts (e.g. has valid witnesses); only accepted ones are kept */
    BoundedCycleSearch(Graph<V, E> graph, Predicate<List<E>> accept) {
        this.graph = graph;
        this.accept = accept;
    }

    /** True when a bound stopped the search: some cycles may not have been examined. */
    boolean truncated() {
        return truncated;
    }

    List<List<E>> run() {
        // Components are sets in no stable order (vertices hash by identity): search each one's
        // vertices in the graph's own order, so the same trace yields the same cycles, each
        // starting at the same lock, in every run.
        Map<V, Integer> graphOrder = new IdentityHashMap<>();
        for (V v : graph.vertexSet()) {
            graphOrder.put(v, graphOrder.size());
        }
        for (Set<V> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (component.size() > 1 && cycles.size() < MAX_CYCLES) {
                List<V> vertices = new ArrayList<>(component);
                vertices.sort(Comparator.comparingInt(graphOrder::get));
                searchComponent(vertices);
            }
        }
        return cycles;
    }

    private void searchComponent(List<V> vertices) {
        Map<V, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < vertices.size(); i++) {
            index.put(vertices.get(i), i);
        }
        int n = vertices.size();
        int[][] targets = new int[n][];
        Object[][] edges = new Object[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> ts = new ArrayList<>();
            List<E> es = new ArrayList<>();
            for (E e : graph.outgoingEdgesOf(vertices.get(i))) {
                Integer t = index.get(graph.getEdgeTarget(e));
                if (t != null && t != i) {
                    ts.add(t);
                    es.add(e);
                }
            }
            targets[i] = ts.stream().mapToInt(Integer::intValue).toArray();
            edges[i] = es.toArray();
        }
        steps = 0;
        boolean[] onPath = new boolean[n];
        List<E> path = new ArrayList<>();
        for (int length = 2; length <= MAX_CYCLE_LENGTH && length <= n && !stopped(); length++) {
            for (int start = 0; start < n && !stopped(); start++) {
                onPath[start] = true;
                extend(start, start, length, targets, edges, onPath, path);
                onPath[start] = false;
            }
        }
    }

    private boolean stopped() {
        if (steps >= MAX_STEPS || cycles.size() >= MAX_CYCLES) {
            truncated = true;
            return true;
        }
        return false;
    }

    /** Extends {@code path} (ending at {@code at}) towards cycles of exactly {@code length} edges through {@code start}. */
    @SuppressWarnings("unchecked")
    private void extend(int start, int at, int length, int[][] targets, Object[][] edges, boolean[] onPath, List<E> path) {
        int[] ts = targets[at];
        for (int k = 0; k < ts.length; k++) {
            if (stopped()) {
                return;
            }
            steps++;
            int next = ts[k];
            if (next == start && path.size() + 1 == length) {
                path.add((E) edges[at][k]);
                List<E> cycle = List.copyOf(path);
                if (accept.test(cycle)) {
                    cycles.add(cycle);
                }
                path.remove(path.size() - 1);
            } else if (next > start && !onPath[next] && path.size() + 1 < length) {
                onPath[next] = true;
                path.add((E) edges[at][k]);
                extend(start, next, length, targets, edges, onPath, path);
                path.remove(path.size() - 1);
                onPath[next] = false;
            }
        }
    }
}
