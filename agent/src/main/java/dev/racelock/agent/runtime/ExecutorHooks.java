package dev.racelock.agent.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Call-site hooks for executors and futures (java.util.concurrent package summary, "Memory
 * Consistency Properties"): submission happens-before the task's execution begins; the task's
 * actions happen-before the result is retrieved with {@code Future.get()}, before
 * {@code invokeAll} returns, and (for every task) before {@code awaitTermination} returns true
 * or {@code close} returns. Each task is wrapped in a {@link TracedTask} that carries a fresh
 * token: released at submission, acquired at its start, released again at its end; the Future
 * is bound to it. The executor's own token (its object id) collects every task's end.
 */
public final class ExecutorHooks {
    private ExecutorHooks() {}

    /**
     * Set once ThreadPoolExecutor and FutureTask are retransformed (TaskIdentityInstrumenter):
     * from then on a task handed to a ThreadPoolExecutor is handed over as it is, never wrapped,
     * so the executor (beforeExecute/afterExecute, remove, getQueue) sees the caller's object.
     */
    private static volatile boolean workersRecorded;

    public static void workersRecorded() {
        workersRecorded = true;
    }

    /**
     * Tasks given to a ThreadPoolExecutor keep their identity; other executors (ForkJoinPool,
     * the JDK's thread-per-task executor, the Executors.unconfigurable/delegating views, user
     * executors) still get a TracedTask (docs/juc.md, "Task identity").
     */
    private static boolean keepsTask(Object executor) {
        return workersRecorded && executor instanceof ThreadPoolExecutor;
    }

    /**
     * Hands {@code task} over without wrapping it: a fresh token released now, bound to the task
     * object (the worker acquires it in runWorker, before beforeExecute); a FutureTask created
     * for it during the call is bound to the same token ({@link #taskCreated}).
     */
    private static long handOver(Object task, int site, ThreadContext c) {
        long token = HandOffTokens.fresh(c);
        c.recorder.hbRelease(token, site);
        HandOffTokens.bindFuture(task, token);
        c.handingOver = task;
        c.handingOverToken = token;
        return token;
    }

    /**
     * The hand-over ended. The outer one is not restored after a nested hand-over: a newTaskFor
     * override that submits elsewhere before building its FutureTask leaves that FutureTask
     * unbound (a missed edge, never a hidden race). AbstractExecutorService builds the FutureTask
     * before execute, so a nested submit in execute does not matter.
     */
    private static void handedOver(ThreadContext c) {
        c.handingOver = null;
    }

    /** Called at the end of FutureTask's constructors (TaskIdentityInstrumenter). */
    public static void taskCreated(Object futureTask, Object body) {
        ThreadContext c = Recording.context();
        if (body != null && c.handingOver == body) {
            HandOffTokens.bindFuture(futureTask, c.handingOverToken);
        }
    }

    /** Called in ThreadPoolExecutor.runWorker just before beforeExecute(thread, task). */
    public static void taskStarting(Object task) {
        long token = HandOffTokens.futureToken(task);
        if (token != 0) {
            ThreadContext c = Recording.context();
            c.recorder.hbAcquire(token, -1);
        }
    }

    /**
     * Called in ThreadPoolExecutor.runWorker before each Worker.unlock: after a task and its
     * afterExecute (and once before the first task): what the worker did happens-before a later
     * successful awaitTermination or close of this executor.
     */
    public static void workerIdle(Object executor) {
        ThreadContext c = Recording.context();
        c.recorder.hbRelease(ObjectIds.of(executor, -1, c), -1);
    }

    private static TracedTask task(Object body, Object executor, int site, ThreadContext c) {
        long token = HandOffTokens.fresh(c);
        c.recorder.hbRelease(token, site);
        return new TracedTask(body, new long[] {token}, token, ObjectIds.of(executor, site, c), site);
    }

    public static void execute(Executor executor, Runnable command, int site, ThreadContext c) {
        if (command == null) {
            executor.execute(null); // NullPointerException, nothing handed off
            return;
        }
        if (keepsTask(executor)) {
            handOver(command, site, c);
            try {
                executor.execute(command);
            } finally {
                handedOver(c);
            }
            return;
        }
        executor.execute(task(command, executor, site, c));
    }

    @SuppressWarnings("unchecked")
    public static Future<?> submit(ExecutorService executor, Callable<?> callable, int site, ThreadContext c) {
        if (callable == null) {
            return executor.submit((Callable<Object>) null);
        }
        if (keepsTask(executor)) {
            long token = handOver(callable, site, c);
            try {
                return bound(executor.submit(callable), token);
            } finally {
                handedOver(c);
            }
        }
        TracedTask task = task(callable, executor, site, c);
        Future<?> future = executor.submit((Callable<Object>) task);
        HandOffTokens.bindFuture(future, task.token);
        return future;
    }

    public static Future<?> submit(ExecutorService executor, Runnable runnable, int site, ThreadContext c) {
        if (runnable == null) {
            return executor.submit((Runnable) null);
        }
        if (keepsTask(executor)) {
            long token = handOver(runnable, site, c);
            try {
                return bound(executor.submit(runnable), token);
            } finally {
                handedOver(c);
            }
        }
        TracedTask task = task(runnable, executor, site, c);
        Future<?> future = executor.submit((Runnable) task);
        HandOffTokens.bindFuture(future, task.token);
        return future;
    }

    public static Future<?> submit(ExecutorService executor, Runnable runnable, Object result, int site,
                                   ThreadContext c) {
        if (runnable == null) {
            return executor.submit((Runnable) null, result);
        }
        if (keepsTask(executor)) {
            long token = handOver(runnable, site, c);
            try {
                return bound(executor.submit(runnable, result), token);
            } finally {
                handedOver(c);
            }
        }
        TracedTask task = task(runnable, executor, site, c);
        Future<?> future = executor.submit((Runnable) task, result);
        HandOffTokens.bindFuture(future, task.token);
        return future;
    }

    private static <F extends Future<?>> F bound(F future, long token) {
        HandOffTokens.bindFuture(future, token);
        return future;
    }

    private static List<Callable<Object>> wrapAll(Collection<?> tasks, Object executor, List<TracedTask> traced,
                                                  int site, ThreadContext c) {
        List<Callable<Object>> wrapped = new ArrayList<>(tasks.size());
        for (Object t : tasks) {
            if (t == null) {
                wrapped.add(null);
                continue;
            }
            TracedTask task = task(t, executor, site, c);
            traced.add(task);
            wrapped.add(task);
        }
        return wrapped;
    }

    /** invokeAll returns when every task is done: each completed (not cancelled) one is acquired. */
    private static <T> List<T> invokedAll(List<T> futures, List<TracedTask> traced, int site, ThreadContext c) {
        for (int i = 0; i < futures.size() && i < traced.size(); i++) {
            Future<?> f = (Future<?>) futures.get(i);
            HandOffTokens.bindFuture(f, traced.get(i).token);
            if (f.isDone() && !f.isCancelled()) {
                c.recorder.hbAcquire(traced.get(i).token, site);
            }
        }
        return futures;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<?> invokeAll(ExecutorService executor, Collection<?> tasks, int site, ThreadContext c)
            throws InterruptedException {
        List<TracedTask> traced = new ArrayList<>();
        List futures = executor.invokeAll(wrapAll(tasks, executor, traced, site, c));
        return invokedAll(futures, traced, site, c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<?> invokeAll(ExecutorService executor, Collection<?> tasks, long timeout, TimeUnit unit,
                                    int site, ThreadContext c) throws InterruptedException {
        List<TracedTask> traced = new ArrayList<>();
        List futures = executor.invokeAll(wrapAll(tasks, executor, traced, site, c), timeout, unit);
        return invokedAll(futures, traced, site, c);
    }

    /**
     * invokeAny returns the result of one task that completed: acquired only when exactly one
     * completed task produced that very object; otherwise which one it was is unknown, and
     * acquiring several would order tasks that are not ordered.
     */
    private static Object invokedAny(Object result, List<TracedTask> traced, int site, ThreadContext c) {
        TracedTask winner = null;
        for (TracedTask t : traced) {
            if (t.completed && t.result == result) {
                if (winner != null) {
                    return result;
                }
                winner = t;
            }
        }
        if (winner != null) {
            c.recorder.hbAcquire(winner.token, site);
        }
        return result;
    }

    public static Object invokeAny(ExecutorService executor, Collection<?> tasks, int site, ThreadContext c)
            throws InterruptedException, ExecutionException {
        List<TracedTask> traced = new ArrayList<>();
        return invokedAny(executor.invokeAny(wrapAll(tasks, executor, traced, site, c)), traced, site, c);
    }

    public static Object invokeAny(ExecutorService executor, Collection<?> tasks, long timeout, TimeUnit unit,
                                   int site, ThreadContext c)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<TracedTask> traced = new ArrayList<>();
        return invokedAny(executor.invokeAny(wrapAll(tasks, executor, traced, site, c), timeout, unit), traced,
                site, c);
    }

    public static boolean awaitTermination(ExecutorService executor, long timeout, TimeUnit unit, int site,
                                           ThreadContext c) throws InterruptedException {
        boolean terminated = executor.awaitTermination(timeout, unit);
        if (terminated) {
            c.recorder.hbAcquire(ObjectIds.of(executor, site, c), site);
        }
        return terminated;
    }

    /** ExecutorService.close (JDK 19+) waits for every task: like a successful awaitTermination. */
    public static void close(AutoCloseable executor, int site, ThreadContext c) throws Exception {
        executor.close();
        c.recorder.hbAcquire(ObjectIds.of(executor, site, c), site);
    }

    public static ScheduledFuture<?> schedule(ScheduledExecutorService executor, Runnable command, long delay,
                                              TimeUnit unit, int site, ThreadContext c) {
        if (command != null && keepsTask(executor)) {
            long token = handOver(command, site, c);
            try {
                return bound(executor.schedule(command, delay, unit), token);
            } finally {
                handedOver(c);
            }
        }
        TracedTask task = task(command, executor, site, c);
        ScheduledFuture<?> future = executor.schedule((Runnable) task, delay, unit);
        HandOffTokens.bindFuture(future, task.token);
        return future;
    }

    @SuppressWarnings("unchecked")
    public static ScheduledFuture<?> schedule(ScheduledExecutorService executor, Callable<?> callable, long delay,
                                              TimeUnit unit, int site, ThreadContext c) {
        if (callable != null && keepsTask(executor)) {
            long token = handOver(callable, site, c);
            try {
                return bound(executor.schedule(callable, delay, unit), token);
            } finally {
                handedOver(c);
            }
        }
        TracedTask task = task(callable, executor, site, c);
        ScheduledFuture<?> future = executor.schedule((Callable<Object>) task, delay, unit);
        HandOffTokens.bindFuture(future, task.token);
        return future;
    }

    // ---- Future.get and CompletableFuture.join ----------------------------------------------

    public static Object get(Future<?> future, int site, ThreadContext c)
            throws InterruptedException, ExecutionException {
        try {
            Object value = future.get();
            retrieved(future, site, c);
            return value;
        } catch (ExecutionException e) {
            retrieved(future, site, c); // the task ended (by an exception): still a completion
            throw e;
        }
    }

    public static Object get(Future<?> future, long timeout, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            Object value = future.get(timeout, unit);
            retrieved(future, site, c);
            return value;
        } catch (ExecutionException e) {
            retrieved(future, site, c);
            throw e;
        }
    }

    /** After a future's completion was observed: its task's end, or its completer (complete()). */
    static void retrieved(Object future, int site, ThreadContext c) {
        HandOffTokens.acquire(HandOffTokens.futureToken(future), site, c);
        if (future instanceof CompletableFuture) {
            CompletableFutureHooks.anyOfRetrieved(future, site, c);
        }
        if (future instanceof CompletableFuture || future instanceof java.util.concurrent.FutureTask
                || future instanceof java.util.concurrent.ForkJoinTask) {
            c.recorder.hbAcquire(ObjectIds.of(future, site, c), site);
        }
    }

    /** Called first thing in FutureTask.set/setException (FutureTaskInstrumenter): the task's end. */
    public static void completing(Object futureTask) {
        ThreadContext c = Recording.context();
        c.recorder.hbRelease(ObjectIds.of(futureTask, -1, c), -1);
    }
}
