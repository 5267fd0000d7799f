package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ThreadContext;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Future;

/**
 * Call-site hooks for {@code Future.resultNow()} and {@code Future.exceptionNow()} (JDK 19+, on
 * any Future: CompletableFuture, FutureTask, ForkJoinTask, ...). Each returns only when the
 * future has completed (normally, or by an exception), so a normal return acquires the
 * completion exactly as {@code get}/{@code join} do (ExecutorHooks.retrieved); when it throws
 * {@code IllegalStateException} (not completed, or completed the other way) nothing is ordered.
 *
 * <p>The agent is Java 17 bytecode, where Future has neither method: they are called through
 * method handles, and HandOffCallSiteHooks registers these hooks only on a JDK that has them.
 */
public final class FutureStateHooks {
    private FutureStateHooks() {}

    /** Resolved on first use, which only a JDK 19+ call site can cause; typed (Future)Object. */
    private static final class Handles {
        static final MethodHandle RESULT_NOW = virtual("resultNow", Object.class);
        static final MethodHandle EXCEPTION_NOW = virtual("exceptionNow", Throwable.class);

        private static MethodHandle virtual(String name, Class<?> returns) {
            try {
                return MethodHandles.publicLookup().findVirtual(Future.class, name, MethodType.methodType(returns))
                        .asType(MethodType.methodType(Object.class, Future.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Future." + name + " needs JDK 19 or later", e);
            }
        }
    }

    public static Object resultNow(Future<?> future, int site, ThreadContext c) {
        return completed(Handles.RESULT_NOW, future, site, c);
    }

    public static Throwable exceptionNow(Future<?> future, int site, ThreadContext c) {
        return (Throwable) completed(Handles.EXCEPTION_NOW, future, site, c);
    }

    /** Calls the accessor; it returned, so the future has completed: acquire its completion. */
    private static Object completed(MethodHandle accessor, Future<?> future, int site, ThreadContext c) {
        Object found;
        try {
            found = (Object) accessor.invokeExact(future);
        } catch (Throwable t) {
            throw FutureStateHooks.<RuntimeException>rethrown(t);
        }
        ExecutorHooks.retrieved(future, site, c);
        return found;
    }

    /** Rethrows what the method threw, unchanged, whatever its type (it declares no checked exception). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrown(Throwable t) throws T {
        throw (T) t;
    }
}
