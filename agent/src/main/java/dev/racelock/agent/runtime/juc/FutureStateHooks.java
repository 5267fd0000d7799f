package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The state of a Future: {@code isDone()}, {@code isCancelled()}, {@code cancel(mayInterrupt)},
 * and {@code resultNow()}/{@code exceptionNow()} (JDK 19+).
 *
 * <p>{@code resultNow}/{@code exceptionNow} (call-site hooks), on any Future (CompletableFuture,
 * FutureTask, ForkJoinTask, ...), return only when the future has completed (normally, or by an
 * exception), so a normal return acquires the completion exactly as {@code get}/{@code join} do
 * (ExecutorHooks.retrieved); when they throw {@code IllegalStateException} (not completed, or
 * completed the other way) nothing is ordered. The agent is Java 17 bytecode, where Future has
 * neither method: they are called through method handles, and HandOffCallSiteHooks registers
 * these hooks only on a JDK that has them.
 *
 * <p>The state queries observe a completion only for the JDK's futures, whose state is one
 * volatile variable written when the task completes or is cancelled, so that reading it orders
 * what the completer did before whoever sees the state (JLS 17.4.4: a write to a volatile
 * variable synchronizes-with every later read of it):
 * <ul>
 *   <li>a FutureTask's {@code state}, set by a compare-and-set in {@code set},
 *       {@code setException} and {@code cancel}: a cancel that finds the state NEW releases the
 *       task's cancellation token (recorded inside FutureTask, FutureTaskRewrite calls
 *       {@link #cancelling}); {@code isDone()} true and {@code cancel} returning false in
 *       recorded code acquire the task's end and its cancellation (only one was released),
 *       {@code isCancelled()} true and a {@code get} that threw CancellationException its
 *       cancellation. A cancelled task may still be running: its actions are not ordered before
 *       anyone;</li>
 *   <li>a CompletableFuture's {@code result} (call-site hooks): {@code cancel} completes it
 *       exceptionally and is recorded as {@code completeExceptionally} is (a release of the
 *       future's id before); {@code isDone()}/{@code isCancelled()} true and {@code cancel}
 *       returning false acquire its completion, as {@code join} does.</li>
 * </ul>
 * Other Future implementations promise nothing here and record nothing.
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

    // ---- FutureTask, from inside its own methods (FutureTaskRewrite) ---------------------------

    /** FutureTask's state before it completes or is cancelled (its value since JDK 7). */
    static final int NEW = 0;

    /**
     * First thing in FutureTask.cancel (any caller), with the state then. Its compare-and-set
     * succeeds only from NEW: the release is recorded before it when the state is NEW (if the
     * task completes meanwhile the cancel fails, and nothing acquires the cancellation token of a
     * task that was not cancelled, except a done-query, which takes both).
     */
    public static void cancelling(Object futureTask, int state) {
        if (state == NEW) {
            ThreadContext c = Recording.context();
            c.recorder.hbRelease(HandOffTokens.cancellationToken(futureTask, c), -1);
        }
    }

    private static void cancellationSeen(Object futureTask, int site, ThreadContext c) {
        long token = HandOffTokens.existingCancellationToken(futureTask);
        if (token != 0) {
            c.recorder.hbAcquire(token, site);
        }
    }

    /**
     * {@code get} threw CancellationException: it read the cancelled state (a FutureTask's
     * cancellation), or the exceptional completion of a CompletableFuture.
     */
    static void sawCancelled(Future<?> future, int site, ThreadContext c) {
        if (future instanceof FutureTask) {
            cancellationSeen(future, site, c);
        } else if (future instanceof CompletableFuture) {
            ExecutorHooks.retrieved(future, site, c);
        }
    }

    // ---- call sites in recorded code ------------------------------------------------------------

    /**
     * A CompletableFuture's cancel completes it exceptionally: a release of its id before, as
     * completeExceptionally. Returning false, cancel found the future done already.
     */
    public static boolean cancel(Future<?> future, boolean mayInterruptIfRunning, int site, ThreadContext c) {
        if (future instanceof CompletableFuture) {
            c.recorder.hbRelease(ObjectIds.of(future, site, c), site);
        }
        boolean cancelled = future.cancel(mayInterruptIfRunning);
        if (!cancelled) {
            doneSeen(future, site, c);
        }
        return cancelled;
    }

    public static boolean isDone(Future<?> future, int site, ThreadContext c) {
        boolean done = future.isDone();
        if (done) {
            doneSeen(future, site, c);
        }
        return done;
    }

    public static boolean isCancelled(Future<?> future, int site, ThreadContext c) {
        boolean cancelled = future.isCancelled();
        if (cancelled) {
            sawCancelled(future, site, c);
        }
        return cancelled;
    }

    /**
     * A JDK future seen done. A FutureTask's end and its cancellation are never both released
     * (FutureTaskRewrite), so acquiring both takes whichever happened, without asking the task
     * which (a subclass's isCancelled is the program's code).
     */
    private static void doneSeen(Future<?> future, int site, ThreadContext c) {
        if (future instanceof FutureTask) {
            cancellationSeen(future, site, c);
            ExecutorHooks.retrieved(future, site, c);
        } else if (future instanceof CompletableFuture) {
            ExecutorHooks.retrieved(future, site, c);
        }
    }

    /** Rethrows what the method threw, unchanged, whatever its type (it declares no checked exception). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrown(Throwable t) throws T {
        throw (T) t;
    }
}
