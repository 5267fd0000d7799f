package dev.racelock.trace;

/**
 * A node of the calling-context tree (trace format 2): the stack made of the parent node's
 * frames with one more frame on top, method {@code method} called from {@code callSite}.
 *
 * @param id       the node's id, from 1; 0 is the root, the empty stack
 * @param parent   the node below it (0 for a stack of one frame)
 * @param method   the method entered, a {@link MethodInfo} id
 * @param callSite the site of the call in the parent's method, or -1 when not known (the method
 *                 was called from code that is not instrumented)
 */
public record ContextInfo(int id, int parent, int method, int callSite) {

    /** The empty stack: a thread that has entered no instrumented method. */
    public static final int ROOT = 0;
}
