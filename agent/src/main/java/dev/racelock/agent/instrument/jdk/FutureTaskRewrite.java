package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.ExecutorHooks;
import org.objectweb.asm.Type;


/**
 * Retransforms {@code java.util.concurrent.FutureTask} so that every FutureTask, whoever
 * created or ran it (an executor, a thread given one, library code), releases its own token
 * (its object id) first thing in {@code set} and {@code setException}: after its computation,
 * before it is marked complete, so before any {@code get} can return (ExecutorHooks.get
 * acquires it). Method bodies only, as retransformation requires; java.base reads the
 * bootstrap unnamed module already (AgentStartup, for Thread.run).
 */
final class FutureTaskRewrite extends JdkClassRewrite {
    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";

    FutureTaskRewrite() {
        super("a FutureTask not submitted by recorded code is not ordered before its get()", FUTURE_TASK);
    }
    private static final String HOOKS = Type.getInternalName(ExecutorHooks.class);

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        return instrument(original);
    }

    static byte[] instrument(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean completion = (name.equals("set") && descriptor.equals("(Ljava/lang/Object;)V"))
                    || (name.equals("setException") && descriptor.equals("(Ljava/lang/Throwable;)V"));
            return completion ? MethodBodyRewrite.atEntry(next, Type.getInternalName(ExecutorHooks.class),
                    "completing") : next;
        });
    }
}
