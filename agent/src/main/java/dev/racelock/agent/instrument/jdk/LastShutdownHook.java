package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.AgentThread;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Closes the trace after the program's shutdown hooks have finished, so what they do is
 * recorded. {@code Runtime.addShutdownHook} would run the close concurrently with them (the JVM
 * starts every application hook at once); instead the close is a system shutdown hook of
 * {@code java.lang.Shutdown}, whose slots run one after the other, the application hooks in slot 1
 * (started and joined), console and delete-on-exit in slots 0 and 2. It is registered in the
 * last slot through {@code jdk.internal.access.JavaLangAccess.registerShutdownHook}, which
 * java.base exports to the agent for this; where that fails, as an application hook. It runs in
 * the thread that shuts down (the one that called exit, or the JVM's): the writer ignores what
 * that thread records after the close.
 */
public final class LastShutdownHook {
    private static final int LAST_SLOT = 9;

    private LastShutdownHook() {}

    public static void register(Instrumentation instrumentation, Runnable close, PrintStream err) {
        try {
            Module base = Object.class.getModule();
            Module agent = LastShutdownHook.class.getModule();
            instrumentation.redefineModule(base, Set.of(), Map.of("jdk.internal.access", Set.of(agent)), Map.of(),
                    Set.of(), Map.of());
            Object access = Class.forName("jdk.internal.access.SharedSecrets").getMethod("getJavaLangAccess")
                    .invoke(null);
            Class.forName("jdk.internal.access.JavaLangAccess")
                    .getMethod("registerShutdownHook", int.class, boolean.class, Runnable.class)
                    .invoke(access, LAST_SLOT, false, close);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new AgentThread("racelock-shutdown", close));
            err.println("racelock: the trace is closed while shutdown hooks still run (" + e
                    + "); what they do late may not be recorded");
        }
    }
}
