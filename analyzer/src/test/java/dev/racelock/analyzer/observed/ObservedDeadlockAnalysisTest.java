package dev.racelock.analyzer.observed;

import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.ObservedDeadlock.BlockedThread;
import dev.racelock.trace.ObservedDeadlock.Frame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ObservedDeadlockAnalysisTest {

    private static ObservedDeadlock twoThreads(boolean rotated) {
        BlockedThread a = new BlockedThread(1, "t1", 11, "java.lang.Object", "t2",
                List.of(new Frame("com.acme.Bank", "transfer", "Bank.java", 31), new Frame("com.acme.Bank", "run", "Bank.java", 50)));
        BlockedThread b = new BlockedThread(2, "t2", 12, "java.util.concurrent.locks.ReentrantLock", "t1",
                List.of(new Frame("com.acme.Bank", "refund", "Bank.java", 41)));
        return new ObservedDeadlock(123, rotated ? List.of(b, a) : List.of(a, b));
    }

    @Test
    void reportsObservedDeadlockWithEachThreadsStack() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int start = s.site("com.acme.Main", "main", 3);
        s.thread("t1", main, start);
        s.thread("t2", main, start);
        s.observedDeadlock(twoThreads(false));
        List<Finding> found = TraceScript.ofType(s.analyze(), FindingType.OBSERVED_DEADLOCK);
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals("DEADLOCK: 2 threads blocked in a cycle", f.title());
        assertEquals("t1", f.cycle().get(0).thread().name());
        assertEquals(3, f.cycle().get(0).thread().createdAt().line());
        assertEquals("Object", f.cycle().get(0).lock());
        assertEquals(new SourceSite("com.acme.Bank", "transfer", "Bank.java", 31), f.cycle().get(0).acquiredAt());
        assertEquals(2, f.cycle().get(0).stack().size());
        assertEquals("ReentrantLock", f.cycle().get(0).heldLocks().get(0).lock());
    }

    @Test
    void sameCycleSeenFromAnotherThreadHasTheSameFingerprint() {
        TraceScript a = new TraceScript();
        a.observedDeadlock(twoThreads(false));
        TraceScript b = new TraceScript();
        b.observedDeadlock(twoThreads(true));
        assertEquals(a.analyze().findings().get(0).fingerprint(), b.analyze().findings().get(0).fingerprint());
    }
}
