package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * ForkJoinTask (its memory-consistency note: forking or submitting a task happens-before its
 * execution, and its completion before join/invoke/get return). The token is the task's object
 * id: released by {@code fork}/{@code invokeAll}/pool submission, acquired at the start of an
 * instrumented {@code compute()}, released again at its normal end, and acquired after
 * {@code join}/{@code invoke}/{@code get} (ExecutorHooks.retrieved). A task whose compute()
 * throws releases in ForkJoinTask.trySetThrown (retransformed), and the join, invoke or get that
 * throws its exception acquires ({@link #throwing}, {@link #awaitedAbnormally}).
 * JDK-internal tasks (parallel streams) are recorded inside ForkJoinTask itself
 * (ForkJoinTaskRewrite): {@link #forking}, {@link #running}, {@link #completing}, {@link #awaited}.
 */
public final class ForkJoinHooks {
    private ForkJoinHooks() {}

    /** First thing in ForkJoinTask.fork(): what the forking thread did happens-before the task runs. */
    public static void forking(Object task) {
        ThreadContext c = Recording.context();
        c.recorder.hbRelease(ObjectIds.of(task, -1, c), -1);
    }

    /** First thing in ForkJoinTask.doExec(): acquires the fork. */
    public static void running(Object task) {
        ThreadContext c = Recording.context();
        c.recorder.hbAcquire(ObjectIds.of(task, -1, c), -1);
    }

    /**
     * First thing in ForkJoinTask.setDone and in CountedCompleter's completion methods
     * (tryComplete, propagateCompletion, complete, quietlyCompleteRoot), so before the
     * completion can be seen: the task's work happens-before its completion is observed. A
     * CountedCompleter (every parallel-stream task) completes its root only when every task of
     * the tree has called one of those, so it releases the root's token too; only a join/invoke
     * of the root acquires that (never a sibling task), so the workers stay unordered with each
     * other.
     */
    public static void completing(Object task) {
        ThreadContext c = Recording.context();
        c.recorder.hbRelease(ObjectIds.of(task, -1, c), -1);
        ExecutorHooks.poolTaskDone(c);
        if (task instanceof java.util.concurrent.CountedCompleter<?> completer) {
            Object root = completer.getRoot();
            if (root != task) {
                c.recorder.hbRelease(ObjectIds.of(root, -1, c), -1);
            }
        }
    }

    /**
     * First thing in ForkJoinTask.trySetThrown, which records the exception of a task whose
     * compute() threw (or of completeExceptionally, or of a CountedCompleter's completer the
     * exception propagates to) unless the task is done already: released as a completion, so a
     * join that throws that exception is ordered after the task's work. A task already done is
     * not completed by this call, and releasing then would order the caller before its joiners.
     */
    public static void throwing(Object task) {
        if (!((ForkJoinTask<?>) task).isDone()) {
            completing(task);
        }
    }

    /**
     * First thing in ForkJoinTask.reportException (JDK 17 also reportExecutionException, which
     * reports interrupts and timeouts too): acquires the task's completion if the task did
     * complete by an exception. The test reads the task's volatile status, which the thrower
     * wrote after releasing (trySetThrown); a cancelled task was not completed by its work.
     */
    public static void awaitedAbnormally(Object task) {
        if (thrown(task)) {
            awaited(task);
        }
    }

    private static boolean thrown(Object task) {
        ForkJoinTask<?> t = (ForkJoinTask<?>) task;
        return t.isCompletedAbnormally() && !t.isCancelled();
    }

    /** Before ForkJoinTask.join()/invoke() return normally: the task (tree) has completed. */
    public static void awaited(Object task) {
        ThreadContext c = Recording.context();
        c.recorder.hbAcquire(ObjectIds.of(task, -1, c), -1);
    }

    public static void computeBegin(Object task, int site, ThreadContext c) {
        c.recorder.hbAcquire(ObjectIds.of(task, site, c), site);
    }

    public static void computeEnd(Object task, int site, ThreadContext c) {
        c.recorder.hbRelease(ObjectIds.of(task, site, c), site);
    }

    private static void handedOff(Object task, int site, ThreadContext c) {
        if (task != null) {
            c.recorder.hbRelease(ObjectIds.of(task, site, c), site);
        }
    }

    private static void completed(Object task, int site, ThreadContext c) {
        if (task != null) {
            c.recorder.hbAcquire(ObjectIds.of(task, site, c), site);
        }
    }

    public static ForkJoinTask<?> fork(ForkJoinTask<?> task, int site, ThreadContext c) {
        handedOff(task, site, c);
        return task.fork();
    }

    /**
     * After a join, invoke or invokeAll: if it returned, every task completed; if it threw
     * (also a checked exception thrown sneakily), each task that completed by an exception is
     * acquired (its end was released in trySetThrown, ForkJoinTaskRewrite); a cancelled
     * one, or one still running (invokeAll gives up at the first exception), is not.
     */
    private static void joined(boolean returned, Iterable<?> tasks, int site, ThreadContext c) {
        if (tasks == null) {
            return;
        }
        for (Object t : tasks) {
            if (returned || (t instanceof ForkJoinTask<?> task && thrown(task))) {
                completed(t, site, c);
            }
        }
    }

    /**
     * Runs {@code call}, which waits for {@code tasks} (join, invoke, invokeAll), and then
     * records which of them completed ({@link #joined}), whether it returned or threw.
     */
    private static <T> T awaiting(Iterable<?> tasks, int site, ThreadContext c, Supplier<T> call) {
        boolean returned = false;
        try {
            T value = call.get();
            returned = true;
            return value;
        } finally {
            joined(returned, tasks, site, c);
        }
    }

    public static Object join(ForkJoinTask<?> task, int site, ThreadContext c) {
        return awaiting(Arrays.asList(task), site, c, task::join);
    }

    public static Object invoke(ForkJoinTask<?> task, int site, ThreadContext c) {
        return awaiting(Arrays.asList(task), site, c, task::invoke);
    }

    public static void invokeAll(ForkJoinTask<?> first, ForkJoinTask<?> second, int site, ThreadContext c) {
        handedOff(first, site, c);
        handedOff(second, site, c);
        awaiting(Arrays.asList(first, second), site, c, () -> {
            ForkJoinTask.invokeAll(first, second);
            return null;
        });
    }

    public static void invokeAll(ForkJoinTask<?>[] tasks, int site, ThreadContext c) {
        for (ForkJoinTask<?> t : tasks) {
            handedOff(t, site, c);
        }
        awaiting(Arrays.asList(tasks), site, c, () -> {
            ForkJoinTask.invokeAll(tasks);
            return null;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Collection<?> invokeAll(Collection<?> tasks, int site, ThreadContext c) {
        for (Object t : tasks) {
            handedOff(t, site, c);
        }
        return awaiting(tasks, site, c, () -> ForkJoinTask.invokeAll((Collection) tasks));
    }

    public static Object invoke(ForkJoinPool pool, ForkJoinTask<?> task, int site, ThreadContext c) {
        handedOff(task, site, c);
        return awaiting(Arrays.asList(task), site, c, () -> pool.invoke(task));
    }

    public static ForkJoinTask<?> submit(ForkJoinPool pool, ForkJoinTask<?> task, int site, ThreadContext c) {
        handedOff(task, site, c);
        return pool.submit(task);
    }

    public static void execute(ForkJoinPool pool, ForkJoinTask<?> task, int site, ThreadContext c) {
        handedOff(task, site, c);
        pool.execute(task);
    }
}
