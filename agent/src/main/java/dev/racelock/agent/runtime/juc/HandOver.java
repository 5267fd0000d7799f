package dev.racelock.agent.runtime.juc;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks one executor call is handing over right now (one for execute/submit/schedule, all
 * of them for invokeAll/invokeAny), each with the fresh token its submission released. While
 * the call runs, the JDK wraps the tasks in objects of its own (a FutureTask from
 * {@code newTaskFor}, a ForkJoinTask adapter, a ScheduledFutureTask); their constructors
 * (retransformed, {@link ExecutorHooks#taskCreated}) find their task here and are bound to its
 * token, so the task object the program handed over is never replaced by a wrapper.
 */
final class HandOver {
    private final Object[] tasks;
    private final long[] tokens;
    /** Wrappers bound during the call, in creation order (invokeAny looks for its winner here). */
    final List<Object> wrappers = new ArrayList<>();
    /** Index of the task the next wrapper is most likely for: the JDK wraps tasks in order. */
    private int next;

    HandOver(Object[] tasks, long[] tokens) {
        this.tasks = tasks;
        this.tokens = tokens;
    }

    /** Whether {@code o} is one of {@link #wrappers}, by identity (never the program's equals). */
    boolean isWrapper(Object o) {
        for (Object w : wrappers) {
            if (w == o) {
                return true;
            }
        }
        return false;
    }

    /** The token of {@code body} if it is one of the tasks (by identity), else 0. */
    long tokenOf(Object body) {
        if (body == null) {
            return 0;
        }
        for (int n = 0; n < tasks.length; n++) {
            int i = (next + n) % tasks.length;
            if (tasks[i] == body) {
                next = i + 1;
                return tokens[i];
            }
        }
        return 0;
    }
}
