package dev.racelock.trace;

import java.util.List;

/**
 * Threads the agent's watchdog found blocked in a cycle, each waiting for a lock the next holds.
 *
 * @param detectedMillis wall-clock time of detection
 * @param threads        the cycle, in order: each waits for a lock held by the next
 */
public record ObservedDeadlock(long detectedMillis, List<BlockedThread> threads) {

    public ObservedDeadlock {
        threads = List.copyOf(threads);
    }

    /**
     * One thread of the cycle.
     *
     * @param thread      trace thread id, or -1 when the thread was never registered
     * @param threadName  its name
     * @param lock        id of the lock it waits for, or 0 when unknown
     * @param lockClass   class of that lock, e.g. {@code java.lang.Object}
     * @param ownerName   name of the thread that holds it
     * @param stack       its stack, innermost frame first
     */
    public record BlockedThread(int thread, String threadName, long lock, String lockClass, String ownerName,
                                List<Frame> stack) {
        public BlockedThread {
            stack = List.copyOf(stack);
        }
    }

    /** One stack frame as the JVM reports it; line -1 when unknown. */
    public record Frame(String className, String method, String file, int line) {}
}
