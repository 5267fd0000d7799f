package dev.racelock.trace;

/**
 * A node of the calling-context tree (trace format 2): the stack made of the parent node's
 * frames with one more frame on top, method {@code method} called from {@code callSite}.
 *
 * @param id       the node's id, from 1; 0 is the root, the empty stack
 * @param parent   the node below it (0 for a stack of one frame)
 * @param method   the method entered, a {@link MethodInfo} id
 * @param callSite the site of the call in the parent's method; for a method entered with no
 *                 instrumented frame calling out, {@link #THREAD_ENTRY} or {@link #UNRECORDED_CALLER}
 *                 (since format 2.4), or {@link #CALLER_UNKNOWN}
 */
public record ContextInfo(int id, int parent, int method, int callSite) implements DictionaryEntry {

    /** The empty stack: a thread that has entered no instrumented method. */
    public static final int ROOT = 0;

    /** No call site, and the trace does not say who called (format 2.3 and older, STD imports). */
    public static final int CALLER_UNKNOWN = -1;

    /**
     * The method is where its thread began: the task {@code java.lang.Thread.run} (or a virtual
     * thread) ran, when its class (a lambda's: the class that wrote it) is instrumented, or an
     * instrumented override of {@code Thread.run} that the JVM called. Since format 2.4.
     */
    public static final int THREAD_ENTRY = -2;

    /**
     * The method was called by code racelock does not record (the JDK, a class excluded or not
     * instrumented: a pool's worker loop, a framework, a callback, the launcher calling main), with
     * no instrumented frame calling out: its callers are unknown. Since format 2.4.
     */
    public static final int UNRECORDED_CALLER = -3;
}
