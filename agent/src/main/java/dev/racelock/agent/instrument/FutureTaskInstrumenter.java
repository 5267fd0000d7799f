package dev.racelock.agent.instrument;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.FutureTask;

/**
 * Retransforms {@code java.util.concurrent.FutureTask} so that every FutureTask, whoever
 * created or ran it (an executor, a thread given one, library code), releases its own token
 * (its object id) first thing in {@code set} and {@code setException}: after its computation,
 * before it is marked complete, so before any {@code get} can return (ExecutorHooks.get
 * acquires it). Method bodies only, as retransformation requires; java.base reads the
 * bootstrap unnamed module already (AgentStartup, for Thread.run).
 */
public final class FutureTaskInstrumenter implements ClassFileTransformer {
    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private final PrintStream err;

    private FutureTaskInstrumenter(PrintStream err) {
        this.err = err;
    }

    public static void install(Instrumentation instrumentation, PrintStream err) {
        try {
            instrumentation.addTransformer(new FutureTaskInstrumenter(err), true);
            instrumentation.retransformClasses(FutureTask.class);
        } catch (Exception | LinkageError e) {
            err.println("racelock: cannot instrument java.util.concurrent.FutureTask (" + e + "); a FutureTask not"
                    + " submitted by recorded code is not ordered before its get()");
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!FUTURE_TASK.equals(className) || classBeingRedefined == null) {
            return null;
        }
        try {
            return instrument(classfileBuffer);
        } catch (Throwable t) {
            err.println("racelock: cannot instrument java.util.concurrent.FutureTask (" + t + ")");
            return null;
        }
    }

    static byte[] instrument(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean completion = (name.equals("set") && descriptor.equals("(Ljava/lang/Object;)V"))
                    || (name.equals("setException") && descriptor.equals("(Ljava/lang/Throwable;)V"));
            return completion ? MethodBodyRewrite.atEntry(next, "dev/racelock/agent/runtime/ExecutorHooks",
                    "completing") : next;
        });
    }
}
