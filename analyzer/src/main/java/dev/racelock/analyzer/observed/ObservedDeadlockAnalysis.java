package dev.racelock.analyzer.observed;

import dev.racelock.analyzer.collect.DenseTable;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.Fingerprints;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.LockClass;
import dev.racelock.analyzer.state.LockClasses;
import dev.racelock.analyzer.state.LockHolds;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.analyzer.testcase.TestTimeline;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.ThreadInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Deadlocks that really happened: the agent's watchdog saw threads blocked in a cycle and
 * recorded each one's stack. Each becomes an {@code observed-deadlock} finding; the cycle lists,
 * per thread, the lock it waits for (where it is blocked) and the lock it holds that the
 * previous thread of the cycle waits for.
 *
 * <p>Locks are named by the lock classes the lock-order analysis uses ({@code Bank.lockA}), taken
 * from each thread's last lock request that was not followed by its acquire: the lock the thread
 * is blocked on. The JVM's own description (the lock's runtime class) is only the fallback.
 */
public final class ObservedDeadlockAnalysis implements Analysis {

    private final TraceDictionary dictionary;
    private final LockClasses lockClasses;
    private final LockHolds holds;
    private final List<Finding> findings = new ArrayList<>();
    private final TestTimeline tests;

    /** Per thread id, its last lock request (null before its first). */
    private final DenseTable<LockRequest> requests = new DenseTable<>();

    /** A thread's last lock request: the lock (0 once acquired), its flags and site. */
    private static final class LockRequest {
        long lock;
        int flags;
        int site;
    }

    public ObservedDeadlockAnalysis(TraceState state) {
        this.tests = state.tests();
        this.dictionary = state.dictionary();
        this.lockClasses = state.lockClasses();
        this.holds = state.holds();
    }

    @Override
    public void lockRequest(int thread, long lock, int site, int flags) {
        if (thread < 0) {
            return;
        }
        LockRequest r = requests.computeIfAbsent(thread, LockRequest::new);
        r.lock = lock;
        r.flags = flags;
        r.site = site;
    }

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        LockRequest r = requests.get(thread);
        if (r != null) {
            r.lock = 0;
        }
    }

    /** The lock thread {@code t} requested and did not acquire (where it is blocked), or null. */
    private LockRequest pending(int t) {
        LockRequest r = requests.get(t);
        return r != null && r.lock != 0 ? r : null;
    }

    private LockClass lockClass(LockRequest r) {
        return lockClasses.of(r.lock, r.flags, r.site);
    }

    /** Where {@code holder} took the lock {@code waiter} is blocked on, or null when not recorded. */
    private SourceSite whereHeld(ObservedDeadlock.BlockedThread holder, ObservedDeadlock.BlockedThread waiter) {
        int h = holder.thread();
        LockRequest waited = pending(waiter.thread());
        if (h < 0 || waited == null) {
            return null;
        }
        for (int i = 0; i < holds.heldCount(h); i++) {
            if (holds.heldLock(h, i) == waited.lock) {
                return dictionary.sourceSite(holds.heldSite(h, i));
            }
        }
        return null;
    }

    /** The lock class of what {@code b} is blocked on, as the lock-order analysis names it. */
    private LockRef waitedLock(ObservedDeadlock.BlockedThread b) {
        LockRequest r = pending(b.thread());
        if (r != null) {
            return lockClass(r).ref();
        }
        // The JVM names only the runtime class (java.lang.Object, ReentrantLock$NonfairSync), which does
        // not tell a monitor from a j.u.c. lock: say the class alone.
        return b.lockClass() == null ? LockRef.unknown(false) : LockRef.ofClass(false, b.lockClass());
    }

    @Override
    public void observedDeadlock(ObservedDeadlock deadlock) {
        List<ObservedDeadlock.BlockedThread> threads = deadlock.threads();
        int n = threads.size();
        if (n == 0) {
            return;
        }
        List<LockAcquisition> cycle = new ArrayList<>(n);
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            ObservedDeadlock.BlockedThread b = threads.get(i);
            // Each thread waits for a lock held by the next, so it holds the lock the previous one waits for.
            ObservedDeadlock.BlockedThread previous = threads.get((i + n - 1) % n);
            List<SourceSite> stack = new ArrayList<>(b.stack().size());
            for (ObservedDeadlock.Frame f : b.stack()) {
                stack.add(new SourceSite(f.className(), f.method(), f.file(), f.line()));
            }
            SourceSite blockedAt = blockedAt(b, stack);
            LockRef waitsFor = waitedLock(b);
            List<HeldLock> held = n > 1 ? List.of(new HeldLock(waitedLock(previous), whereHeld(b, previous))) : List.of();
            cycle.add(new LockAcquisition(waitsFor, threadRef(b), blockedAt, stack, held));
            keys[i] = fingerprintKey(b) + "@" + (blockedAt == null ? "?" : blockedAt.qualifiedMethod());
        }
        String fingerprint = Fingerprints.of(FindingType.OBSERVED_DEADLOCK, canonical(keys));
        // Delivered after every event of a JVM the watchdog ended: the test still running is the one it happened in.
        findings.add(Finding.cycle(FindingType.OBSERVED_DEADLOCK, fingerprint, cycle, 1)
                .withTest(tests.ref(tests.current(threads.get(0).thread()))));
    }

    /**
     * Classes of the JDK, whose frames sit above the program's when it blocks inside a library
     * lock, and of the agent (its lock hooks, in stacks recorded before the agent left them out).
     */
    private static final String[] NOT_THE_PROGRAM = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.racelock.agent."};

    /**
     * Where {@code b} is blocked. The site of its pending lock request when the trace has one: the
     * call in recorded code that asked for the lock. Else the innermost frame with a line outside
     * the JDK and the agent: a thread blocked in {@code ReentrantLock.lock} is innermost in {@code Unsafe.park},
     * a native method, which has no line, under a few frames of the lock's own code. Else the
     * innermost frame with a line; else the innermost frame, when no frame has a line (native
     * code, or classes compiled without line numbers: {@code javac -g:none}).
     */
    private SourceSite blockedAt(ObservedDeadlock.BlockedThread b, List<SourceSite> stack) {
        LockRequest r = pending(b.thread());
        if (r != null) {
            SourceSite requested = dictionary.sourceSite(r.site);
            if (requested != null && requested.line() >= 0) {
                return requested;
            }
        }
        SourceSite innermostWithLine = null;
        for (SourceSite frame : stack) {
            if (frame.line() < 0) {
                continue;
            }
            if (!isLibrary(frame.className())) {
                return frame;
            }
            if (innermostWithLine == null) {
                innermostWithLine = frame;
            }
        }
        return innermostWithLine != null ? innermostWithLine : stack.isEmpty() ? null : stack.get(0);
    }

    private static boolean isLibrary(String className) {
        for (String prefix : NOT_THE_PROGRAM) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The lock's label as the lock-order analysis gives it, or its simple class name. */
    private String fingerprintKey(ObservedDeadlock.BlockedThread b) {
        LockRequest r = pending(b.thread());
        if (r != null) {
            return lockClass(r).name();
        }
        return b.lockClass() == null ? "an unknown lock" : TraceDictionary.simpleName(b.lockClass());
    }

    private ThreadRef threadRef(ObservedDeadlock.BlockedThread b) {
        ThreadInfo info = b.thread() >= 0 ? dictionary.thread(b.thread()) : null;
        SourceSite created = info != null ? dictionary.sourceSite(info.creationSite()) : null;
        return new ThreadRef(b.thread(), b.threadName(), created);
    }

    /** The keys joined from the smallest one on, so the same cycle seen from another thread matches. */
    private static String canonical(String[] keys) {
        int start = 0;
        for (int i = 1; i < keys.length; i++) {
            if (keys[i].compareTo(keys[start]) < 0) {
                start = i;
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            s.append(keys[(start + i) % keys.length]).append('\n');
        }
        return s.toString();
    }

    @Override
    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
