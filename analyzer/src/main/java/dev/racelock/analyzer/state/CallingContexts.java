package dev.racelock.analyzer.state;

import dev.racelock.analyzer.collect.InternedTree;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StackBase;
import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The calling-context tree: each thread's current stack is one node id, which accesses and
 * acquisitions store so that the stack of an access seen long ago can still be printed when a
 * later access races with it.
 *
 * <p>A trace gives stacks one of two ways (EventVisitor, "calling context"): an event per method
 * enter and exit (format 1, STD), or the nodes of the trace's own tree and a context event that
 * names the thread's node (format 2). Both lead to the same nodes here, so a stack prints the
 * same whichever way it was recorded.
 */
public final class CallingContexts {

    private final InternedTree tree = new InternedTree();
    private int[] current = new int[16];
    /** Format 2: this tree's node for each node of the trace's tree, by the trace's node id. */
    private int[] fromTrace = new int[64];
    private int traceNodes = 1;

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

    /** A node of the trace's tree; they come numbered 1, 2, 3, ... each after its parent (others are ignored). */
    void define(ContextInfo node) {
        if (node.id() != traceNodes || node.parent() < 0 || node.parent() >= traceNodes) {
            return;
        }
        fromTrace = ArrayGrowth.toFit(fromTrace, traceNodes);
        fromTrace[traceNodes++] = tree.child(fromTrace[node.parent()], node.method(), node.callSite());
    }

    /** The thread's stack is now the trace's node {@code traceNode} (an undefined one is the empty stack). */
    void switchTo(int thread, int traceNode) {
        ensure(thread);
        current[thread] = ofTraceNode(traceNode);
    }

    /**
     * The context id of the trace's node {@code traceNode} (an undefined one is the empty stack):
     * the stack of an access an event names itself (EventVisitor.ownedRead).
     */
    public int ofTraceNode(int traceNode) {
        return traceNode > 0 && traceNode < traceNodes ? fromTrace[traceNode] : InternedTree.ROOT;
    }

    /** The thread's current context id (0 = nothing entered yet). */
    public int current(int thread) {
        return thread < current.length ? current[thread] : InternedTree.ROOT;
    }

    private void ensure(int thread) {
        if (thread >= current.length) { // a per-event path: no field store unless it grows
            current = ArrayGrowth.toFit(current, thread);
        }
    }

    /**
     * What is below the outermost frame of context {@code context}: the thread's entry, code that
     * is not recorded (the stack is cut there), or unknown. The agent marks the outermost frame's
     * caller (trace format 2.4, ContextInfo); the one frame it cannot tell from a cut is
     * {@code main(String[])}, which the launcher calls, so that one is taken as the main thread's entry.
     */
    public StackBase base(TraceDictionary dictionary, int context) {
        if (context == InternedTree.ROOT) {
            return StackBase.UNKNOWN;
        }
        int outermost = context;
        while (tree.parent(outermost) != InternedTree.ROOT) {
            outermost = tree.parent(outermost);
        }
        int caller = tree.labelB(outermost);
        if (caller == ContextInfo.THREAD_ENTRY) {
            return StackBase.THREAD_ENTRY;
        }
        if (caller != ContextInfo.UNRECORDED_CALLER) {
            return StackBase.UNKNOWN;
        }
        MethodInfo method = dictionary.method(tree.labelA(outermost));
        return method != null && method.name().equals("main") && method.descriptor().equals(MAIN_DESCRIPTOR)
                ? StackBase.THREAD_ENTRY : StackBase.UNRECORDED_CALLER;
    }

    private static final String MAIN_DESCRIPTOR = "([Ljava/lang/String;)V";

    /**
     * The stack at {@code site} in context {@code context}, innermost first: the site itself, then
     * each call site up the tree, down to the outermost method the agent instrumented.
     *
     * <p>A call site is shown only when it lies in the method below it: one that does not was
     * stored by earlier code and is stale (the method was entered from code that is not
     * instrumented, such as a JDK thread pool or a framework callback), so the caller is then
     * shown by its method alone, line unknown, and the outermost method gets no caller at all.
     * The stack is cut where uninstrumented code called in, never completed with a caller that
     * did not call.
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
            if (parent == InternedTree.ROOT) {
                break;
            }
            int caller = tree.labelA(parent);
            int callSite = tree.labelB(node);
            SiteInfo call = dictionary.site(callSite);
            SourceSite frame = call != null && call.method() == caller
                    ? dictionary.sourceSite(callSite)
                    : dictionary.methodFrame(caller);
            if (frame != null) {
                frames.add(frame);
            }
        }
        return frames;
    }
}
