package dev.racelock.analyzer.observed;

import dev.racelock.analyzer.Analysis;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.Fingerprints;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.ThreadInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Deadlocks that really happened: the agent's watchdog saw threads blocked in a cycle and
 * recorded each one's stack. Each becomes an {@code observed-deadlock} finding; the cycle lists,
 * per thread, the lock it waits for (where it is blocked) and the lock it holds that the
 * previous thread of the cycle waits for.
 */
public final class ObservedDeadlockAnalysis implements Analysis {

    private final TraceDictionary dictionary;
    private final List<Finding> findings = new ArrayList<>();

    public ObservedDeadlockAnalysis(TraceState state) {
        this.dictionary = state.dictionary();
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
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ObservedDeadlock.BlockedThread b = threads.get(i);
            // Each thread waits for a lock held by the next, so it holds the lock the previous one waits for.
            ObservedDeadlock.BlockedThread previous = threads.get((i + n - 1) % n);
            List<SourceSite> stack = new ArrayList<>(b.stack().size());
            for (ObservedDeadlock.Frame f : b.stack()) {
                stack.add(new SourceSite(f.className(), f.method(), f.file(), f.line()));
            }
            SourceSite blockedAt = stack.isEmpty() ? null : stack.get(0);
            String waitsFor = lockName(b.lockClass());
            List<HeldLock> held = n > 1 ? List.of(new HeldLock(lockName(previous.lockClass()), null)) : List.of();
            cycle.add(new LockAcquisition(waitsFor, threadRef(b), blockedAt, stack, held));
            keys[i] = (b.lockClass() == null ? "?" : b.lockClass()) + "@"
                    + (blockedAt == null ? "?" : blockedAt.qualifiedMethod());
            if (i > 0) {
                message.append("; ");
            }
            message.append("thread '").append(b.threadName()).append("' waits for ").append(waitsFor)
                    .append(" held by '").append(b.ownerName()).append("'");
        }
        String fingerprint = Fingerprints.of(FindingType.OBSERVED_DEADLOCK, canonical(keys));
        findings.add(new Finding(FindingType.OBSERVED_DEADLOCK, fingerprint,
                "DEADLOCK: " + n + " threads blocked in a cycle", message.toString(),
                "These threads were blocked at the same time, each waiting for a lock that the next one holds: "
                        + "none of them can ever proceed.",
                null, List.of(), cycle, 1));
    }

    private static String lockName(String lockClass) {
        return lockClass == null ? "an unknown lock" : TraceDictionary.simpleName(lockClass);
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
