package dev.racelock.junit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls the agent's test-marker entry points ({@code dev.racelock.agent.runtime.TestMarkers}),
 * which the agent loads into the bootstrap class loader: looked up there by name, so the test
 * class path needs no agent class, and a JVM without the agent records nothing and fails
 * nothing. Looked up again while absent, since the JUnit extension may attach the agent after
 * the first tests ran.
 */
final class AgentBridge {

    static final String MARKERS_CLASS = "dev.racelock.agent.runtime.TestMarkers";
    /** Returned by {@link #testStarted} when nothing is recorded. */
    static final int NOT_RECORDED = -1;

    private static volatile Handles handles;

    private AgentBridge() {}

    private record Handles(MethodHandle started, MethodHandle finished, MethodHandle traceFile, MethodHandle flush,
                           MethodHandle loadedBeforeAttach) {}

    /** Whether the agent is running in this JVM. */
    static boolean agentPresent() {
        return handles() != null;
    }

    /** Records that the calling thread starts {@code test}; its id for {@link #testFinished}. */
    static int testStarted(String uniqueId, String className, String methodName, String displayName) {
        Handles h = handles();
        if (h == null) {
            return NOT_RECORDED;
        }
        try {
            return (int) h.started.invokeExact(uniqueId, className, methodName, displayName);
        } catch (Throwable t) {
            throw new IllegalStateException("racelock agent failed to record a test start", t);
        }
    }

    static void testFinished(int test) {
        Handles h = handles();
        if (h == null || test == NOT_RECORDED) {
            return;
        }
        try {
            h.finished.invokeExact(test);
        } catch (Throwable t) {
            throw new IllegalStateException("racelock agent failed to record a test end", t);
        }
    }

    /** The trace the agent is writing, or null. */
    static String traceFile() {
        Handles h = handles();
        if (h == null) {
            return null;
        }
        try {
            return (String) h.traceFile.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("racelock agent failed to name its trace", t);
        }
    }

    /** Makes the agent write everything recorded so far to its trace. */
    static void flush() {
        Handles h = handles();
        if (h == null) {
            return;
        }
        try {
            h.flush.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("racelock agent failed to flush its trace", t);
        }
    }

    /** The classes the agent would have recorded that were loaded before it was attached, one per line. */
    static String classesLoadedBeforeAttach() {
        Handles h = handles();
        if (h == null) {
            return "";
        }
        try {
            return (String) h.loadedBeforeAttach.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("racelock agent failed to list the classes loaded before it", t);
        }
    }

    private static Handles handles() {
        Handles h = handles;
        if (h == null) {
            h = lookUp();
            handles = h;
        }
        return h;
    }

    private static Handles lookUp() {
        Class<?> markers;
        try {
            markers = Class.forName(MARKERS_CLASS, true, null);
        } catch (ClassNotFoundException e) {
            return null; // no agent in this JVM (yet)
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new Handles(
                    lookup.findStatic(markers, "testStarted",
                            MethodType.methodType(int.class, String.class, String.class, String.class, String.class)),
                    lookup.findStatic(markers, "testFinished", MethodType.methodType(void.class, int.class)),
                    lookup.findStatic(markers, "traceFile", MethodType.methodType(String.class)),
                    lookup.findStatic(markers, "flush", MethodType.methodType(void.class)),
                    lookup.findStatic(markers, "classesLoadedBeforeAttach", MethodType.methodType(String.class)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the racelock agent in this JVM does not match racelock-junit (" + e
                    + "); use the same racelock version for both", e);
        }
    }
}
