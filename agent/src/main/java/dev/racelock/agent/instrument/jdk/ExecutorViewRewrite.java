package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.ExecutorHooks;
import org.objectweb.asm.Type;

/**
 * Rewrites the constructor of {@code Executors$DelegatedExecutorService}, the view that
 * {@code newSingleThreadExecutor()}, {@code newSingleThreadScheduledExecutor()} and
 * {@code unconfigurableExecutorService} return around a pool: before it returns,
 * {@code ExecutorHooks.viewCreated(this, executor)} binds the view to the pool it delegates to.
 * The pool's workers release the pool's token after each task (TaskIdentityRewrite); a
 * successful {@code awaitTermination} or {@code close} called on the view acquires the pool's
 * token through that binding (ExecutorService memory-consistency note: every task's actions
 * happen-before termination is observed). Method bodies only, as retransformation requires.
 */
final class ExecutorViewRewrite extends JdkClassRewrite {
    static final String VIEW = "java/util/concurrent/Executors$DelegatedExecutorService";
    private static final String HOOKS = Type.getInternalName(ExecutorHooks.class);

    ExecutorViewRewrite() {
        super("awaitTermination on a single-thread executor does not order its tasks", VIEW);
    }

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        boolean[] hooked = new boolean[1];
        byte[] result = instrument(original, hooked);
        if (!hooked[0]) {
            throw new UnexpectedCode("its constructor is not as expected");
        }
        return result;
    }

    /** @param hooked set when the constructor taking the delegate was found */
    static byte[] instrument(byte[] original, boolean[] hooked) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            if (!name.equals("<init>") || !descriptor.equals("(Ljava/util/concurrent/ExecutorService;)V")) {
                return next;
            }
            hooked[0] = true;
            return MethodBodyRewrite.beforeReturn(next, HOOKS, "viewCreated");
        });
    }
}
