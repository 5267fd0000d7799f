package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Call-site hooks for executors and futures (java.util.concurrent package summary, "Memory
 * Consistency Properties"): submission happens-before the task's execution begins; the task's
 * actions happen-before the result is retrieved with {@code Future.get()}, before
 * {@code invokeAll} returns, and (for every task) before {@code awaitTermination} returns true
 * or {@code close} returns.
 *
 * <p>Tasks are handed over as they are, never wrapped: the agent must not change what the
 * program sees, and executors, {@code newTaskFor} overrides and {@code beforeExecute} look at
 * their tasks. The submission releases a fresh token bound to the task object; the JDK objects
 * built around the task during the call (a FutureTask, a ForkJoinTask adapter) are bound to the
 * same token ({@link #taskCreated}); the task's start acquires it wherever the JDK starts it
 * (ThreadPoolExecutor.runWorker, FutureTask.run, ForkJoinTask.doExec, a thread started inside
 * the call, or a {@code Runnable.run()}/{@code Callable.call()} in recorded code). Its end is the
 * FutureTask's or ForkJoinTask's completion; the executor's token (its object id) collects the
 * ends for awaitTermination. docs/juc.md, "Task identity".
 */
public final class ExecutorHooks {
    private ExecutorHooks() {}

    /**
     * Releases a fresh token per task and binds it to the task object; the tasks are the calling
     * thread's hand-over until {@link #handedOver}. A ForkJoinTask given as a Runnable is run by a
     * ForkJoinPool directly, whose doExec acquires the task's own id: that is released too.
     */
    private static HandOver handOver(Object[] tasks, int site, ThreadContext c) {
        long[] tokens = new long[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            if (tasks[i] != null) {
                tokens[i] = HandOffTokens.fresh(c);
                c.recorder.hbRelease(tokens[i], site);
                HandOffTokens.bindFuture(tasks[i], tokens[i]);
                if (tasks[i] instanceof ForkJoinTask) {
                    c.recorder.hbRelease(ObjectIds.of(tasks[i], site, c), site);
                }
            }
        }
        HandOver outer = (HandOver) c.handOver;
        c.handOver = new HandOver(tasks, tokens);
        return outer;
    }

    private static HandOver handOver(Object task, int site, ThreadContext c) {
        return handOver(new Object[] {task}, site, c);
    }

    /** Runs {@code call} (the executor's method) while {@code task} is this thread's hand-over. */
    private static <T> T handingOver(Object task, int site, ThreadContext c, java.util.function.Supplier<T> call) {
        HandOver outer = handOver(task, site, c);
        try {
            return call.get();
        } finally {
            handedOver(outer, c);
        }
    }

    /** The call returned or threw: the hand-over it nested in (if any) is the thread's again. */
    private static void handedOver(HandOver outer, ThreadContext c) {
        c.handOver = outer;
    }

    /**
     * Called at the end of the FutureTask constructors and of ForkJoinTask's adapter constructors
     * (TaskIdentityRewrite) with the task they wrap: a wrapper built during a hand-over for one
     * of its tasks, or for a wrapper built before it in the same call (ExecutorCompletionService
     * wraps newTaskFor's FutureTask once more), is bound to that task's token. A ForkJoinTask
     * wrapper also releases its own id, which ForkJoinTask.doExec acquires when it runs.
     */
    public static void taskCreated(Object wrapper, Object body) {
        ThreadContext c = Recording.existingContext(); // a thread handing over has one already
        HandOver h = c == null ? null : (HandOver) c.handOver;
        if (h == null || body == null) {
            return;
        }
        long token = h.tokenOf(body);
        if (token == 0 && h.isWrapper(body)) {
            token = HandOffTokens.futureToken(body);
        }
        if (token == 0) {
            return;
        }
        HandOffTokens.bindFuture(wrapper, token);
        h.wrappers.add(wrapper);
        if (wrapper instanceof ForkJoinTask) {
            c.recorder.hbRelease(ObjectIds.of(wrapper, -1, c), -1);
        }
    }

    /**
     * A task starts: called in ThreadPoolExecutor.runWorker just before beforeExecute(thread,
     * task), first thing in FutureTask.run/runAndReset, and before a Runnable.run() or
     * Callable.call() in recorded code. Acquires the token its submission bound to it, if any.
     */
    public static void taskStarting(Object task) {
        long token = HandOffTokens.futureToken(task);
        if (token != 0) {
            ThreadContext c = Recording.context();
            c.recorder.hbAcquire(token, -1);
        }
    }

    /**
     * Called in ThreadPoolExecutor.runWorker before each Worker.unlock (after a task and its
     * afterExecute, and once before the first task) and first thing in the thread-per-task
     * executor's taskComplete: what the worker did happens-before a later successful
     * awaitTermination or close of this executor.
     */
    public static void workerIdle(Object executor) {
        ThreadContext c = Recording.context();
        c.recorder.hbRelease(ObjectIds.of(executor, -1, c), -1);
    }

    /**
     * A ForkJoinTask completed on a pool's worker (ForkJoinHooks.completing): what it did
     * happens-before the pool's successful awaitTermination or close.
     */
    static void poolTaskDone(ThreadContext c) {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread worker) {
            c.recorder.hbRelease(ObjectIds.of(worker.getPool(), -1, c), -1);
        }
    }

    /** {@code Runnable.run()} called by recorded code: an executor of the program's own starting a task. */
    public static void run(Runnable task, int site, ThreadContext c) {
        HandOffTokens.acquire(HandOffTokens.futureTokenIfSeen(task), site, c);
        task.run();
    }

    /** {@code Callable.call()} called by recorded code, as {@link #run}. */
    public static Object call(Callable<?> task, int site, ThreadContext c) throws Exception {
        HandOffTokens.acquire(HandOffTokens.futureTokenIfSeen(task), site, c);
        return task.call();
    }

    public static void execute(Executor executor, Runnable command, int site, ThreadContext c) {
        handingOver(command, site, c, () -> {
            executor.execute(command);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    public static Future<?> submit(ExecutorService executor, Callable<?> callable, int site, ThreadContext c) {
        return handingOver(callable, site, c, () -> bound(executor.submit(callable), callable));
    }

    public static Future<?> submit(ExecutorService executor, Runnable runnable, int site, ThreadContext c) {
        return handingOver(runnable, site, c, () -> bound(executor.submit(runnable), runnable));
    }

    public static Future<?> submit(ExecutorService executor, Runnable runnable, Object result, int site,
                                   ThreadContext c) {
        return handingOver(runnable, site, c, () -> bound(executor.submit(runnable, result), runnable));
    }

    /** The returned future stands for the task: bound to its token unless a wrapper bound it already. */
    private static <F extends Future<?>> F bound(F future, Object task) {
        if (future != null && HandOffTokens.futureToken(future) == 0) {
            HandOffTokens.bindFuture(future, HandOffTokens.futureToken(task));
        }
        return future;
    }

    /** invokeAll returns when every task is done: each completed (not cancelled) one is acquired. */
    private static <T> List<T> invokedAll(List<T> futures, int site, ThreadContext c) {
        if (futures != null) {
            for (Object f : futures) {
                if (f instanceof Future<?> future && future.isDone() && !future.isCancelled()) {
                    retrieved(future, site, c);
                }
            }
        }
        return futures;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<?> invokeAll(ExecutorService executor, Collection<?> tasks, int site, ThreadContext c)
            throws InterruptedException {
        HandOver outer = handOver(tasks == null ? new Object[0] : tasks.toArray(), site, c);
        List futures;
        try {
            futures = executor.invokeAll((Collection) tasks);
        } finally {
            handedOver(outer, c);
        }
        return invokedAll(futures, site, c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<?> invokeAll(ExecutorService executor, Collection<?> tasks, long timeout, TimeUnit unit,
                                    int site, ThreadContext c) throws InterruptedException {
        HandOver outer = handOver(tasks == null ? new Object[0] : tasks.toArray(), site, c);
        List futures;
        try {
            futures = executor.invokeAll((Collection) tasks, timeout, unit);
        } finally {
            handedOver(outer, c);
        }
        return invokedAll(futures, site, c);
    }

    /**
     * invokeAny returns the result of one task that completed: acquired only when exactly one of
     * the futures built in the call completed with that very object; otherwise which one it was
     * is unknown, and acquiring several would order tasks that are not ordered.
     */
    private static Object invokedAny(Object result, HandOver h, int site, ThreadContext c) {
        Future<?> winner = null;
        for (Object w : h.wrappers) {
            if (w instanceof Future<?> f && f.isDone() && !f.isCancelled() && outcomeIs(f, result)) {
                if (winner != null) {
                    return result;
                }
                winner = f;
            }
        }
        if (winner != null) {
            retrieved(winner, site, c);
        }
        return result;
    }

    /** Whether a done future's value is {@code result}; get() does not block on a done future. */
    private static boolean outcomeIs(Future<?> done, Object result) {
        try {
            return done.get() == result;
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object invokeAny(ExecutorService executor, Collection<?> tasks, int site, ThreadContext c)
            throws InterruptedException, ExecutionException {
        HandOver outer = handOver(tasks == null ? new Object[0] : tasks.toArray(), site, c);
        HandOver mine = (HandOver) c.handOver;
        Object result;
        try {
            result = executor.invokeAny((Collection) tasks);
        } finally {
            handedOver(outer, c);
        }
        return invokedAny(result, mine, site, c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object invokeAny(ExecutorService executor, Collection<?> tasks, long timeout, TimeUnit unit,
                                   int site, ThreadContext c)
            throws InterruptedException, ExecutionException, TimeoutException {
        HandOver outer = handOver(tasks == null ? new Object[0] : tasks.toArray(), site, c);
        HandOver mine = (HandOver) c.handOver;
        Object result;
        try {
            result = executor.invokeAny((Collection) tasks, timeout, unit);
        } finally {
            handedOver(outer, c);
        }
        return invokedAny(result, mine, site, c);
    }

    public static boolean awaitTermination(ExecutorService executor, long timeout, TimeUnit unit, int site,
                                           ThreadContext c) throws InterruptedException {
        boolean terminated = executor.awaitTermination(timeout, unit);
        if (terminated) {
            c.recorder.hbAcquire(terminationToken(executor, site, c), site);
        }
        return terminated;
    }

    /** ExecutorService.close (JDK 19+) waits for every task: like a successful awaitTermination. */
    public static void close(AutoCloseable executor, int site, ThreadContext c) throws Exception {
        executor.close();
        c.recorder.hbAcquire(terminationToken(executor, site, c), site);
    }

    /**
     * The token whose acquisition stands for the termination of {@code executor}: the id of the
     * pool it delegates to if it is a view of one ({@link #viewCreated}), else its own id, which
     * its workers release ({@link #workerIdle}).
     */
    private static long terminationToken(Object executor, int site, ThreadContext c) {
        long pool = HandOffTokens.viewToken(executor);
        return pool != 0 ? pool : ObjectIds.of(executor, site, c);
    }

    /**
     * Called at the end of the constructor of Executors' delegating view (ExecutorViewRewrite):
     * the view terminates when the executor it wraps does, whose workers release that executor's
     * token; a view of a view is bound to the innermost executor.
     */
    public static void viewCreated(Object view, Object executor) {
        ThreadContext c = Recording.context();
        if (executor != null) {
            HandOffTokens.bindView(view, terminationToken(executor, -1, c));
        }
    }

    public static ScheduledFuture<?> schedule(ScheduledExecutorService executor, Runnable command, long delay,
                                              TimeUnit unit, int site, ThreadContext c) {
        return handingOver(command, site, c, () -> bound(executor.schedule(command, delay, unit), command));
    }

    public static ScheduledFuture<?> schedule(ScheduledExecutorService executor, Callable<?> callable, long delay,
                                              TimeUnit unit, int site, ThreadContext c) {
        return handingOver(callable, site, c,
                () -> bound(executor.schedule(callable, delay, unit), callable));
    }

    /** Each run of a periodic task starts after the submission (runAndReset acquires its token). */
    public static ScheduledFuture<?> scheduleAtFixedRate(ScheduledExecutorService executor, Runnable command,
                                                         long initialDelay, long period, TimeUnit unit, int site,
                                                         ThreadContext c) {
        return handingOver(command, site, c,
                () -> bound(executor.scheduleAtFixedRate(command, initialDelay, period, unit), command));
    }

    public static ScheduledFuture<?> scheduleWithFixedDelay(ScheduledExecutorService executor, Runnable command,
                                                            long initialDelay, long delay, TimeUnit unit, int site,
                                                            ThreadContext c) {
        return handingOver(command, site, c,
                () -> bound(executor.scheduleWithFixedDelay(command, initialDelay, delay, unit), command));
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
        } catch (CancellationException e) {
            FutureStateHooks.sawCancelled(future, site, c); // get read the cancelled state
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
        } catch (CancellationException e) {
            FutureStateHooks.sawCancelled(future, site, c);
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

    /**
     * Called first thing in FutureTask.set/setException (FutureTaskRewrite) with the task's state
     * then: the task's end. A task cancelled already (or completed otherwise) changes nothing
     * there and releases nothing: its late actions are not ordered before those who saw it
     * cancelled.
     */
    public static void completing(Object futureTask, int state) {
        if (state != FutureStateHooks.NEW) {
            return;
        }
        ThreadContext c = Recording.context();
        c.recorder.hbRelease(ObjectIds.of(futureTask, -1, c), -1);
    }

    /**
     * First thing in FutureTask.runAndReset (FutureTaskRewrite): the previous runs' ends.
     * ScheduledThreadPoolExecutor: "the effects of prior executions happen-before those of
     * subsequent ones", even when they run on different workers.
     */
    public static void periodicRunStarting(Object futureTask) {
        ThreadContext c = Recording.context();
        c.recorder.hbAcquire(HandOffTokens.periodicRunToken(futureTask, c), -1);
    }

    /** Before FutureTask.runAndReset returns {@code ran}: a run that completed hands on to the next. */
    public static void periodicRunEnded(boolean ran, Object futureTask) {
        if (ran) {
            ThreadContext c = Recording.context();
            c.recorder.hbRelease(HandOffTokens.periodicRunToken(futureTask, c), -1);
        }
    }
}
