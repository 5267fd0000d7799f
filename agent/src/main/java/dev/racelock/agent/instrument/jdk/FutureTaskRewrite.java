package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.ExecutorHooks;
import org.objectweb.asm.Type;

import java.util.List;

/**
 * Retransforms {@code java.util.concurrent.FutureTask} so that every FutureTask, whoever
 * created or ran it (an executor, a thread given one, library code), releases its own token
 * (its object id) first thing in {@code set} and {@code setException}: after its computation,
 * before it is marked complete, so before any {@code get} can return (ExecutorHooks.get
 * acquires it). Method bodies only, as retransformation requires; java.base reads the
 * bootstrap unnamed module already (AgentStartup, for Thread.run).
 */
final class FutureTaskRewrite implements JdkClassRewrite {
    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private static final String HOOKS = Type.getInternalName(ExecutorHooks.class);

    @Override
    public List<String> preloaded() {
        return List.of("java.util.concurrent.FutureTask");
    }

    @Override
    public boolean rewrites(String internalName) {
        return FUTURE_TASK.equals(internalName);
    }

    @Override
    public byte[] rewrite(String internalName, byte[] original) {
        return instrument(original);
    }

    @Override
    public String lossWithout() {
        return "a FutureTask not submitted by recorded code is not ordered before its get()";
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
