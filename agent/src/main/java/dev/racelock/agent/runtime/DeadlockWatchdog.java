package dev.racelock.agent.runtime;

import dev.racelock.trace.ObservedDeadlock;

import java.io.PrintStream;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for threads blocked in a cycle every {@link #PERIOD_MILLIS} (monitors and ownable
 * synchronizers, via ThreadMXBean), records each new cycle with every thread's stack, flushes,
 * and with {@code deadlock=exit} ends the process so a CI job never hangs.
 */
public final class DeadlockWatchdog implements Runnable {
    public static final long PERIOD_MILLIS = 500;
    private static final String AGENT_PACKAGE = "dev.racelock.agent.";

    private final boolean detect;
    private final boolean exit;
    private final int exitCode;
    private final PrintStream err;
    private final Runnable tick;
    private final Set<Set<Long>> reported = new HashSet<>();

    /** @param tick runs every period as well (the output's failure check) */
    public DeadlockWatchdog(boolean detect, boolean exit, int exitCode, PrintStream err, Runnable tick) {
        this.detect = detect;
        this.exit = exit;
        this.exitCode = exitCode;
        this.err = err;
        this.tick = tick;
    }

    @Override
    public void run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            while (true) {
                Thread.sleep(PERIOD_MILLIS);
                tick.run();
                if (detect) {
                    check(threads);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check(ThreadMXBean threads) {
        long[] ids = threads.isSynchronizerUsageSupported()
                ? threads.findDeadlockedThreads() : threads.findMonitorDeadlockedThreads();
        if (ids == null) {
            return;
        }
        Set<Long> key = new HashSet<>();
        for (long id : ids) {
            key.add(id);
        }
        if (!reported.add(key)) {
            return;
        }
        ObservedDeadlock deadlock = describe(threads.getThreadInfo(ids, true, true));
        TraceOutput output = Recording.output();
        output.observedDeadlock(deadlock);
        output.flush();
        StringBuilder message = new StringBuilder("racelock: deadlock observed between threads");
        for (ObservedDeadlock.BlockedThread t : deadlock.threads()) {
            message.append(" \"").append(t.threadName()).append('"');
        }
        String test = TestMarkers.latestRunning();
        if (test != null) {
            message.append(" during test ").append(test);
        }
        if (exit) {
            err.println(message + "; ending the JVM with exit code " + exitCode + " (deadlock=exit)");
            err.flush();
            output.close();
            Runtime.getRuntime().halt(exitCode);
        }
        err.println(message + "; recorded in the trace");
    }

    /** The cycle in order: each thread waits for a lock the next one holds. */
    static ObservedDeadlock describe(ThreadInfo[] infos) {
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        List<ObservedDeadlock.BlockedThread> cycle = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        ThreadInfo current = infos.length > 0 ? infos[0] : null;
        while (current != null && seen.add(current.getThreadId())) {
            cycle.add(blocked(current));
            current = byId.get(current.getLockOwnerId());
        }
        return new ObservedDeadlock(System.currentTimeMillis(), cycle);
    }

    /**
     * One thread of the cycle with its stack, less the agent's own frames: a lock taken in
     * recorded code is taken inside a hook ({@code LockHooks.lock} between the program's call and
     * {@code ReentrantLock.lock}), which the program never called.
     */
    private static ObservedDeadlock.BlockedThread blocked(ThreadInfo info) {
        List<ObservedDeadlock.Frame> stack = new ArrayList<>();
        for (StackTraceElement e : info.getStackTrace()) {
            if (e.getClassName().startsWith(AGENT_PACKAGE)) {
                continue;
            }
            stack.add(new ObservedDeadlock.Frame(e.getClassName(), e.getMethodName(), e.getFileName(),
                    e.getLineNumber() < 0 ? -1 : e.getLineNumber()));
        }
        LockInfo lock = info.getLockInfo();
        return new ObservedDeadlock.BlockedThread(Recording.traceIdOfJavaThread(info.getThreadId()),
                info.getThreadName(), 0, lock == null ? "" : lock.getClassName(),
                info.getLockOwnerName() == null ? "" : info.getLockOwnerName(), stack);
    }
}
