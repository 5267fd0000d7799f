package dev.racelock.agent.runtime;

import dev.racelock.trace.ThreadInfo;

import java.lang.ref.Reference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The global state of one recording: where events go, and the registry of recorded threads.
 * Everything here is off the hot path: it runs once per thread, per start or per collected object.
 */
public final class Recording {
    private static final ThreadLocal<ThreadContext> CONTEXT = new ThreadLocal<>();
    /**
     * Contexts by the low bits of their thread's Java id, a cache in front of {@link #CONTEXT}
     * (every method entry made a ThreadLocal lookup: docs/performance.md, "The thread context by
     * thread id"). Plain reads and
     * writes: a context is only ever used by the thread it names as owner, and a reader that
     * sees another thread's context, or none, takes the thread-local. A slot empties when its
     * thread ends or a recording starts.
     */
    private static final ThreadContext[] BY_THREAD = new ThreadContext[1 << 12];
    /**
     * The context of every thread that has one and has not ended, by trace id: a thread whose
     * thread-locals are erased while it lives (JDK 19+ common-pool workers between tasks) gets
     * its context back instead of a second buffer under the same trace id.
     */
    private static final ConcurrentHashMap<Integer, ThreadContext> LIVE = new ConcurrentHashMap<>();
    /** Placeholder while a context is being built, and for agent threads: records nothing. */
    private static final ThreadContext SILENT = new ThreadContext(-1, EventRecorder.NONE);

    private static final AtomicInteger NEXT_THREAD = new AtomicInteger();
    /**
     * Thread object to (dense trace id + 1), assigned at Thread.start or at the thread's first
     * event; +1 because the map uses 0 for "absent" and trace thread ids start at 0.
     */
    static final WeakIdentityMap THREADS = new WeakIdentityMap(context -> NEXT_THREAD.getAndIncrement() + 1L,
            WeakIdentityMap.Insertions.NONE);
    /** {@link Thread#getId()} to trace id, for the watchdog, which sees threads only by Java id. */
    private static final ConcurrentHashMap<Long, Integer> JAVA_TO_TRACE = new ConcurrentHashMap<>();

    /**
     * What the models of the JDK forget when an object without an id field is collected (their
     * per-object tables): registered once at start, so the core names none of them. Read by
     * index, not through an iterator per collected object (a program that drops many arrays has
     * tens of thousands of them collected a second); the list only grows.
     */
    private static final CopyOnWriteArrayList<LongConsumer> FREED_LISTENERS = new CopyOnWriteArrayList<>();

    private static volatile TraceOutput output = TraceOutput.NONE;
    private static volatile boolean filterRepeats = true;
    private static volatile boolean ownership;
    private static volatile boolean elideSections;

    private Recording() {}

    /**
     * Starts recording into {@code out}; threads seen from now on record there. The calling
     * thread's context and the registry of live contexts are forgotten, so its next event starts
     * a fresh context in {@code out}: the agent calls this once before any thread records, and
     * in-process tests and benchmarks call it again to record one scenario each.
     */
    public static void start(TraceOutput out, boolean dropRepeatedAccesses) {
        start(out, dropRepeatedAccesses, false);
    }

    /** As {@link #start(TraceOutput, boolean)}, choosing whether owned objects' accesses are kept beside them (Ownership). */
    public static void start(TraceOutput out, boolean dropRepeatedAccesses, boolean keepOwnedAccesses) {
        start(out, dropRepeatedAccesses, keepOwnedAccesses, false);
    }

    /**
     * As {@link #start(TraceOutput, boolean, boolean)}, choosing whether a synchronized method's
     * section that repeats one the thread wrote is left out ({@link ElidedSections}: mode=locks only).
     */
    public static void start(TraceOutput out, boolean dropRepeatedAccesses, boolean keepOwnedAccesses,
                             boolean elideRepeatedSections) {
        output = out;
        filterRepeats = dropRepeatedAccesses;
        ownership = keepOwnedAccesses;
        elideSections = elideRepeatedSections;
        LockSets.forgetAll();
        java.util.Arrays.fill(BY_THREAD, null);
        CONTEXT.remove();
        LIVE.clear();
    }

    /** Threads that record after this record nothing new; the writer ignores late events. */
    public static TraceOutput output() {
        return output;
    }

    /**
     * The calling thread's context, creating it on first use. Every instrumented method's entry
     * asks, so the usual answer comes from {@link #BY_THREAD}, a slot picked by the thread's Java
     * id, checked against the context's owner; a slot another live thread holds, or none yet, falls
     * back to the thread-local and fills the slot.
     */
    public static ThreadContext context() {
        Thread thread = Thread.currentThread();
        ThreadContext context = BY_THREAD[slot(thread)];
        return context != null && context.owner == thread ? context : lookUp(thread);
    }

    private static ThreadContext lookUp(Thread thread) {
        ThreadContext context = CONTEXT.get();
        if (context == null) {
            context = create();
        }
        if (context.owner == thread) {
            BY_THREAD[slot(thread)] = context;
        }
        return context;
    }

    private static int slot(Thread thread) {
        return (int) javaId(thread) & (BY_THREAD.length - 1);
    }

    /** The calling thread's context if it has one already, else null: never creates one. */
    public static ThreadContext existingContext() {
        return CONTEXT.get();
    }

    private static ThreadContext create() {
        try {
            return createContext();
        } catch (RuntimeException e) {
            // e.g. a virtual thread built with allowSetThreadLocals(false): it records nothing
            return SILENT;
        }
    }

    private static ThreadContext createContext() {
        CONTEXT.set(SILENT); // re-entrancy guard: anything recorded while we build records nothing
        Thread thread = Thread.currentThread();
        TraceOutput out = output;
        if (thread instanceof AgentThread || out.isOwnThread(thread)) {
            return SILENT;
        }
        int id = (int) THREADS.existingId(thread) - 1;
        if (id < 0) {
            // born outside instrumented code (main, JDK pools): no parent, no creation site
            id = (int) THREADS.idOf(thread, null) - 1;
            out.dictionary().defineThread(new ThreadInfo(id, thread.getName(), -1, -1, isVirtual(thread)));
        }
        ThreadContext erased = LIVE.get(id);
        if (erased != null) {
            CONTEXT.set(erased);
            return erased;
        }
        JAVA_TO_TRACE.put(javaId(thread), id);
        EventRecorder calls = out.newRecorder(id);
        if (elideSections) {
            calls = new ElidedSections(calls); // first in every chain: no event may pass a held-back acquire
        }
        // reads repeat across acquires only where the deadlock prediction is off anyway (RepeatFilter)
        EventRecorder recorder = filterRepeats ? new RepeatFilter(calls, ownership) : calls;
        OwnershipRecorder owned = ownership ? new OwnershipRecorder(recorder) : null;
        // plain accesses go past the ownership filter, which has no part in them (AccessRecorder)
        ThreadContext context = new ThreadContext(id, owned != null ? owned : recorder, recorder, calls, thread);
        if (owned != null) {
            owned.attach(context);
            context.owned = owned;
        }
        context.recorder.threadBegin();
        LIVE.put(id, context);
        CONTEXT.set(context);
        return context;
    }

    /** The thread of {@code context} ended: its context is not given back again. */
    static void ended(ThreadContext context) {
        LIVE.remove(context.thread, context);
        if (context.owner != null) {
            int slot = slot(context.owner);
            if (BY_THREAD[slot] == context) {
                BY_THREAD[slot] = null;
            }
        }
    }

    /**
     * Trace ids of the threads that have ended by now: every thread that recorded its end, and
     * the thread that started the agent once it is no longer alive (with -javaagent the program's
     * main thread, which runs no Thread.run and so records no end; attached later, an attach
     * thread that outlives the program).
     */
    static int[] endedThreads() {
        Thread launcher = premainThread;
        int main = launcher == null || launcher.isAlive() ? -1 : traceIdOf(launcher);
        int count = NEXT_THREAD.get();
        int[] ended = new int[count];
        int size = 0;
        for (int id = 0; id < count; id++) {
            if (id == main || !LIVE.containsKey(id)) {
                ended[size++] = id;
            }
        }
        return java.util.Arrays.copyOf(ended, size);
    }

    private static volatile Thread premainThread;

    /** Called once when the agent starts, in the thread that starts it. */
    public static void premainThread(Thread thread) {
        premainThread = thread;
    }

    /** Called by the parent before Thread.start: the child's id and its dictionary entry. */
    static int registerChild(Thread child, ThreadContext parent, int site) {
        int existing = (int) THREADS.existingId(child) - 1;
        if (existing >= 0) {
            return existing;
        }
        int id = (int) THREADS.idOf(child, parent) - 1;
        output.dictionary().defineThread(new ThreadInfo(id, child.getName(), parent.thread, site, isVirtual(child)));
        return id;
    }

    /** The trace id of a thread we know, or -1. */
    static int traceIdOf(Thread thread) {
        return (int) THREADS.existingId(thread) - 1;
    }

    /** The trace id of the thread with this {@link Thread#getId()}, or -1; for the watchdog. */
    public static int traceIdOfJavaThread(long javaId) {
        Integer id = JAVA_TO_TRACE.get(javaId);
        return id == null ? -1 : id;
    }

    @SuppressWarnings("deprecation")
    private static long javaId(Thread thread) {
        return thread.getId();
    }

    private static boolean isVirtual(Thread thread) {
        // Thread.isVirtual() is JDK 21+; the agent is Java 17 bytecode. Virtual threads are
        // instances of java.lang.VirtualThread on every JDK that has them.
        return thread.getClass().getName().equals("java.lang.VirtualThread");
    }

    /** {@code listener} is told the id of every collected object that had no id field. */
    public static void whenFreed(LongConsumer listener) {
        FREED_LISTENERS.addIfAbsent(listener);
    }

    /** Drains collected objects, reporting each id once; runs on an agent thread until interrupted. */
    public static void reportFreedObjects() throws InterruptedException {
        while (true) {
            Reference<?> dead = ObjectIds.MAP.queue.remove();
            long id = ObjectIds.MAP.expunge((WeakIdentityMap.Entry) dead);
            if (id != 0) {
                for (int i = 0; i < FREED_LISTENERS.size(); i++) {
                    FREED_LISTENERS.get(i).accept(id);
                }
                output.dictionary().objectFreed(id);
            }
        }
    }
}
