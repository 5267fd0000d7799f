package dev.racelock.trace;

/**
 * The calling-context tree of a format-2 source, kept from its {@link ContextInfo} entries, and
 * each thread's current node: turns a {@link EventVisitor#context} event into the method exits
 * and enters that lead from the thread's previous stack to the new one, for consumers that think
 * in enters and exits (STD export, re-encoding a trace).
 *
 * <p>Memory grows with the number of nodes (distinct stacks that recorded an event) and threads,
 * never with the trace's length.
 */
public final class ContextPaths {

    private int[] parent = new int[64];
    private int[] method = new int[64];
    private int[] callSite = new int[64];
    private int[] depth = new int[64];
    private int nodes = 1;
    private int[] current = new int[16];
    private int[] path = new int[16];

    /**
     * Adds a node. Nodes come numbered 1, 2, 3, ... with their parent defined first (the binary
     * reader rejects anything else as damage); an entry out of that order is ignored, and so is
     * every use of a node never defined (it stands for the empty stack).
     */
    public void define(ContextInfo node) {
        if (node.id() != nodes || node.parent() < 0 || node.parent() >= nodes) {
            return;
        }
        parent = ArrayGrowth.toFit(parent, nodes);
        method = ArrayGrowth.toFit(method, nodes);
        callSite = ArrayGrowth.toFit(callSite, nodes);
        depth = ArrayGrowth.toFit(depth, nodes);
        parent[nodes] = node.parent();
        method[nodes] = node.method();
        callSite[nodes] = node.callSite();
        depth[nodes] = depth[node.parent()] + 1;
        nodes++;
    }

    /** Nodes defined so far, the root included. */
    public int size() {
        return nodes;
    }

    public int parent(int node) {
        return parent[node];
    }

    public int method(int node) {
        return method[node];
    }

    public int callSite(int node) {
        return callSite[node];
    }

    /** Frames on the stack the node stands for (0 for the root). */
    public int depth(int node) {
        return depth[node];
    }

    /** The thread's current node: the last one switched to (0 before any). */
    public int current(int thread) {
        return thread >= 0 && thread < current.length ? current[thread] : ContextInfo.ROOT;
    }

    /**
     * Makes {@code node} the thread's current context, telling {@code out} the exits from its
     * previous stack down to the frames both share, then the enters up to the new one.
     */
    public void switchTo(int thread, int node, EventVisitor out) {
        if (thread < 0) {
            return;
        }
        current = ArrayGrowth.toFit(current, thread);
        int to = node >= 0 && node < nodes ? node : ContextInfo.ROOT;
        int from = current[thread];
        current[thread] = to;
        int entered = 0;
        while (depth[from] > depth[to]) {
            out.methodExit(thread);
            from = parent[from];
        }
        while (depth[to] > depth[from]) {
            push(entered++, to);
            to = parent[to];
        }
        while (from != to) {
            out.methodExit(thread);
            from = parent[from];
            push(entered++, to);
            to = parent[to];
        }
        for (int i = entered - 1; i >= 0; i--) {
            int n = path[i];
            out.methodEnter(thread, method[n], callSite[n]);
        }
    }

    private void push(int i, int node) {
        path = ArrayGrowth.toFit(path, i);
        path[i] = node;
    }
}
