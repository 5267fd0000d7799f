package dev.racelock.analyzer.observed;

import dev.racelock.analyzer.finding.LockRef;
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
        assertEquals("t1", f.cycle().get(0).thread().name());
        assertEquals(3, f.cycle().get(0).thread().createdAt().line());
        assertEquals(LockRef.ofClass(false, "java.lang.Object"), f.cycle().get(0).lock());
        assertEquals(new SourceSite("com.acme.Bank", "transfer", "Bank.java", 31), f.cycle().get(0).acquiredAt());
        assertEquals(2, f.cycle().get(0).stack().size());
        assertEquals(LockRef.ofClass(false, "java.util.concurrent.locks.ReentrantLock"), f.cycle().get(0).heldLocks().get(0).lock());
    }

    /** What the JVM reports for a thread blocked in ReentrantLock.lock(): a native frame on top, then the lock's code. */
    private static List<Frame> blockedInReentrantLock(String method, int line) {
        return List.of(new Frame("jdk.internal.misc.Unsafe", "park", "Unsafe.java", -1),
                new Frame("java.util.concurrent.locks.LockSupport", "park", "LockSupport.java", 211),
                new Frame("java.util.concurrent.locks.AbstractQueuedSynchronizer", "acquire",
                        "AbstractQueuedSynchronizer.java", 715),
                new Frame("java.util.concurrent.locks.ReentrantLock", "lock", "ReentrantLock.java", 322),
                new Frame("com.acme.Bank", method, "Bank.java", line));
    }

    @Test
    void aThreadBlockedInsideALibraryLockIsBlockedAtTheProgramsCallNotTheNativeTopFrame() {
        TraceScript s = new TraceScript();
        s.observedDeadlock(new ObservedDeadlock(123, List.of(
                new BlockedThread(-1, "t1", 0, "java.util.concurrent.locks.ReentrantLock$NonfairSync", "t2",
                        blockedInReentrantLock("transfer", 31)),
                new BlockedThread(-1, "t2", 0, "java.util.concurrent.locks.ReentrantLock$NonfairSync", "t1",
                        blockedInReentrantLock("refund", 41)))));
        Finding f = TraceScript.ofType(s.analyze(), FindingType.OBSERVED_DEADLOCK).get(0);
        assertEquals(new SourceSite("com.acme.Bank", "transfer", "Bank.java", 31), f.cycle().get(0).acquiredAt());
        assertEquals(new SourceSite("com.acme.Bank", "refund", "Bank.java", 41), f.cycle().get(1).acquiredAt());
        assertEquals(5, f.cycle().get(0).stack().size(), "the whole stack is kept");
    }

    @Test
    void aStackWithoutAnyLineLeavesTheLineUnknown() {
        TraceScript s = new TraceScript();
        List<Frame> noLines = List.of(new Frame("jdk.internal.misc.Unsafe", "park", "Unsafe.java", -1),
                new Frame("com.acme.Stripped", "run", null, -1));
        s.observedDeadlock(new ObservedDeadlock(123, List.of(
                new BlockedThread(-1, "t1", 0, "java.lang.Object", "t1", noLines))));
        Finding f = TraceScript.ofType(s.analyze(), FindingType.OBSERVED_DEADLOCK).get(0);
        assertEquals(new SourceSite("jdk.internal.misc.Unsafe", "park", "Unsafe.java", -1), f.cycle().get(0).acquiredAt());
    }

    @Test
    void sameCycleSeenFromAnotherThreadHasTheSameFingerprint() {
        TraceScript a = new TraceScript();
        a.observedDeadlock(twoThreads(false));
        TraceScript b = new TraceScript();
        b.observedDeadlock(twoThreads(true));
        assertEquals(a.analyze().findings().get(0).fingerprint(), b.analyze().findings().get(0).fingerprint());
    }

    /** Two threads each hold one field lock and request the other: what the agent records before its watchdog fires. */
    private static TraceScript blockedInOppositeOrders() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int start = s.site("com.acme.Main", "main", 3);
        int t1 = s.thread("t1", main, start);
        int t2 = s.thread("t2", main, start);
        long a = s.lockInField("java.lang.Object", s.staticField("com.acme.Bank", "lockA", "Ljava/lang/Object;"));
        long b = s.lockInField("java.lang.Object", s.staticField("com.acme.Bank", "lockB", "Ljava/lang/Object;"));
        int takeA = s.site("com.acme.Bank", "transfer", 30);
        int takeB = s.site("com.acme.Bank", "transfer", 31);
        int takeB2 = s.site("com.acme.Bank", "refund", 40);
        int takeA2 = s.site("com.acme.Bank", "refund", 41);
        s.start(main, t1, start).start(main, t2, start);
        s.lock(t1, a, takeA).lock(t2, b, takeB2);
        s.lockRequestOnly(t1, b, takeB).lockRequestOnly(t2, a, takeA2);
        s.observedDeadlock(new ObservedDeadlock(123, List.of(
                new BlockedThread(t1, "t1", 0, "java.lang.Object", "t2",
                        List.of(new Frame("com.acme.Bank", "transfer", "Bank.java", 31))),
                new BlockedThread(t2, "t2", 0, "java.lang.Object", "t1",
                        List.of(new Frame("com.acme.Bank", "refund", "Bank.java", 41))))));
        return s;
    }

    @Test
    void namesEachLockByTheLockClassTheBlockedThreadRequested() {
        Finding f = TraceScript.ofType(blockedInOppositeOrders().analyze(), FindingType.OBSERVED_DEADLOCK).get(0);
        assertEquals(LockRef.field(true, "java.lang.Object", "com.acme.Bank", "lockB"), f.cycle().get(0).lock());
        assertEquals("lockA", f.cycle().get(0).heldLocks().get(0).lock().field());
        assertEquals(30, f.cycle().get(0).heldLocks().get(0).acquiredAt().line());
        assertEquals("lockA", f.cycle().get(1).lock().field());
        assertEquals("lockB", f.cycle().get(1).heldLocks().get(0).lock().field());
    }

    @Test
    void theLockOrderCycleOfAnObservedDeadlockIsNotReportedAgain() {
        TraceScript s = blockedInOppositeOrders();
        // Let each blocked thread's request through afterwards, as a lock-order edge would record it.
        List<Finding> all = s.analyze().findings();
        assertEquals(List.of(FindingType.OBSERVED_DEADLOCK), all.stream().map(Finding::type).toList(), all.toString());
    }
}
