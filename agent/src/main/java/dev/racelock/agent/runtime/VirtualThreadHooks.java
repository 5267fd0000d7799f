package dev.racelock.agent.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Threads started by the JDK 21 APIs that create and start a thread in one call
 * ({@code Thread.startVirtualThread(Runnable)}, {@code Thread.Builder.start(Runnable)}): the
 * thread object is made inside the JDK, so the Runnable is wrapped instead (a
 * {@link TracedTask}: released before the call, acquired first thing in the new thread). A
 * virtual thread records into its own ThreadContext (a thread-local of the virtual thread), so
 * it is its own thread in the trace, never its carrier. {@code Thread.Builder.unstarted} followed
 * by {@code Thread.start} needs nothing here: the start is hooked (ThreadHooks). The agent is
 * Java 17 bytecode, so the JDK 21 methods are called through method handles, looked up once.
 */
public final class VirtualThreadHooks {
    private static final MethodType RUNNABLE_TO_THREAD = MethodType.methodType(Thread.class, Runnable.class);
    private static volatile MethodHandle startVirtualThread;
    private static volatile MethodHandle builderStart;

    private VirtualThreadHooks() {}

    private static TracedTask wrap(Runnable task, int site, ThreadContext c) {
        long token = HandOffTokens.fresh(c);
        c.recorder.hbRelease(token, site);
        return new TracedTask(task, new long[] {token}, token, 0, site);
    }

    public static Thread startVirtualThread(Runnable task, int site, ThreadContext c) throws Throwable {
        MethodHandle start = startVirtualThread;
        if (start == null) {
            start = MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread", RUNNABLE_TO_THREAD);
            startVirtualThread = start;
        }
        return (Thread) start.invokeExact((Runnable) (task == null ? null : wrap(task, site, c)));
    }

    /** {@code Thread.Builder.start(Runnable)}; the builder is typed Object (the interface is JDK 21+). */
    public static Thread start(Object builder, Runnable task, int site, ThreadContext c) throws Throwable {
        MethodHandle start = builderStart;
        if (start == null) {
            Class<?> type = Class.forName("java.lang.Thread$Builder");
            start = MethodHandles.publicLookup().findVirtual(type, "start", RUNNABLE_TO_THREAD)
                    .asType(MethodType.methodType(Thread.class, Object.class, Runnable.class));
            builderStart = start;
        }
        return (Thread) start.invokeExact(builder, (Runnable) (task == null ? null : wrap(task, site, c)));
    }
}
