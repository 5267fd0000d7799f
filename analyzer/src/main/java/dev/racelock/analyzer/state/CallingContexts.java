package dev.racelock.analyzer.state;

import dev.racelock.analyzer.collect.InternedTree;
import dev.racelock.analyzer.finding.SourceSite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The calling-context tree built from methodEnter(method, callSite) / methodExit: each thread's
 * current stack is one node id, which accesses and acquisitions store so that the stack of an
 * access seen long ago can still be printed when a later access races with it.
 */
public final class CallingContexts {

    private final InternedTree tree = new InternedTree();
    private int[] current = new int[16];

    void enter(int thread, int method, int callSite) {
        ensure(thread);
        current[thread] = tree.child(current[thread], method, callSite);
    }

    void exit(int thread) {
        ensure(thread);
        int node = current[thread];
        if (node != InternedTree.ROOT) {
            current[thread] = tree.parent(node);
        }
    }

    /** The thread's current context id (0 = nothing entered yet). */
    public int current(int thread) {
        return thread < current.length ? current[thread] : InternedTree.ROOT;
    }

    private void ensure(int thread) {
        if (thread >= current.length) {
            current = Arrays.copyOf(current, Math.max(thread + 1, current.length * 2));
        }
    }

    /**
     * The stack at {@code site} in context {@code context}, innermost first: the site itself, then
     * each call site up the tree (or the calling method, line unknown, when the call site is not).
     */
    public List<SourceSite> stack(TraceDictionary dictionary, int site, int context) {
        List<SourceSite> frames = new ArrayList<>(tree.depth(context) + 1);
        SourceSite top = dictionary.sourceSite(site);
        if (top == null && context != InternedTree.ROOT) {
            top = dictionary.methodFrame(tree.labelA(context));
        }
        if (top != null) {
            frames.add(top);
        }
        for (int node = context; node != InternedTree.ROOT; node = tree.parent(node)) {
            int parent = tree.parent(node);
            SourceSite caller = dictionary.sourceSite(tree.labelB(node));
            if (caller == null && parent != InternedTree.ROOT) {
                caller = dictionary.methodFrame(tree.labelA(parent));
            }
            if (caller != null) {
                frames.add(caller);
            }
        }
        return frames;
    }
}
