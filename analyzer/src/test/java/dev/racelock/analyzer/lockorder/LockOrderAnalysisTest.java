package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockOrderAnalysisTest {

    /** main starts t1 and t2; locks A and B are fields Bank.a / Bank.b; G is a gate lock field Bank.gate. */
    private static final class Bank {
        final TraceScript s = new TraceScript();
        final int main = s.thread("main");
        final int startSite = s.site("com.acme.Main", "main", 5);
        final int t1 = s.thread("t1", main, startSite);
        final int t2 = s.thread("t2", main, startSite);
        final int t3 = s.thread("t3", main, startSite);
        final long a = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "a", "Ljava/lang/Object;"));
        final long b = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "b", "Ljava/lang/Object;"));
        final long c = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "c", "Ljava/lang/Object;"));
        final long gate = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "gate", "Ljava/lang/Object;"));
        final int siteA = s.site("com.acme.Bank", "transfer", 10);
        final int siteB = s.site("com.acme.Bank", "transfer", 11);
        final int siteB2 = s.site("com.acme.Bank", "refund", 20);
        final int siteA2 = s.site("com.acme.Bank", "refund", 21);

        /** thread takes first then second (nested), then releases both. */
        Bank nested(int t, long first, int firstSite, long second, int secondSite) {
            s.lock(t, first, firstSite).lock(t, second, secondSite).unlock(t, second, secondSite).unlock(t, first, firstSite);
            return this;
        }

        List<Finding> deadlocks() {
            return TraceScript.ofType(s.analyze(), FindingType.DEADLOCK);
        }
    }

    /**
     * Which witnesses a cycle reports does not depend on the order its lock classes were first
     * seen in (a section taken holding no lock, which the agent may leave out in mode=locks, can
     * change that order). Each edge has two witnesses: t1's first a -> b happens before t2's b -> a
     * (a hand-off), so from a -> b the first valid pair is t1's first with t3's, from b -> a t2's with
     * t1's second; the cycle is entered from its smallest class (Bank.a) whatever was seen first.
     */
    @Test
    void theWitnessesDoNotDependOnWhichLockWasSeenFirst() {
        List<String> reported = null;
        for (long first : new long[] {0, 1, 2}) {
            Bank k = new Bank();
            int siteA3 = k.s.site("com.acme.Bank", "audit", 30);
            int siteB3 = k.s.site("com.acme.Bank", "audit", 31);
            int siteA4 = k.s.site("com.acme.Bank", "close", 40);
            int siteB4 = k.s.site("com.acme.Bank", "close", 41);
            k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite).start(k.main, k.t3, k.startSite);
            if (first == 1) {
                k.s.lock(k.t3, k.b, siteB3).unlock(k.t3, k.b, siteB3); // b seen first, held alone
            } else if (first == 2) {
                k.s.lock(k.t3, k.a, siteA3).unlock(k.t3, k.a, siteA3); // a seen first, held alone
            }
            k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
            k.s.hbRelease(k.t1, 99, k.siteB);
            k.s.hbAcquire(k.t2, 99, k.siteB2);
            k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
            k.nested(k.t3, k.b, siteB3, k.a, siteA3);
            k.nested(k.t1, k.a, siteA4, k.b, siteB4);
            List<Finding> d = k.deadlocks();
            assertEquals(1, d.size(), "first " + first);
            List<String> witnesses = d.get(0).cycle().stream()
                    .map(w -> w.thread().name() + "@" + w.acquiredAt().line()).toList();
            if (reported == null) {
                reported = witnesses;
            }
            assertEquals(reported, witnesses, "first " + first);
        }
        assertEquals(List.of("t1@11", "t3@30"), reported);
    }

    @Test
    void reportsTwoLockInversionInTwoThreads() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB).nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        List<Finding> d = k.deadlocks();
        assertEquals(1, d.size());
        Finding f = d.get(0);
        assertEquals(FindingType.DEADLOCK, f.type());
        assertEquals(2, f.cycle().size());
        LockAcquisition first = f.cycle().get(0);
        LockAcquisition second = f.cycle().get(1);
        // Rotated to start at the smallest lock class: the edge whose held lock is Bank.a.
        assertEquals(LockRef.field(true, "java.lang.Object", "com.acme.Bank", "b"), first.lock());
        assertEquals("t1", first.thread().name());
        assertEquals(11, first.acquiredAt().line());
        assertEquals("a", first.heldLocks().get(0).lock().field());
        assertEquals(10, first.heldLocks().get(0).acquiredAt().line());
        assertEquals("a", second.lock().field());
        assertEquals("t2", second.thread().name());
        assertEquals("b", second.heldLocks().get(0).lock().field());
        assertEquals(1, first.stack().size());
    }

    /**
     * DERBY-5447's shape: t1 holds a and calls deleteObserver on b, which takes b's monitor inside
     * the JDK (an order-only hold at the call's site); t2 holds b and takes a. The acquisition
     * inside the call names it; the application's own does not.
     */
    @Test
    void aMonitorTakenInsideAJdkCallNamesTheCall() {
        Bank k = new Bank();
        int deleteObserver = k.s.callSite("com.acme.Bank", "transfer", 11, "com.acme.Bank$Transaction",
                "deleteObserver");
        int orderOnly = LockFlags.MONITOR | LockFlags.ORDER_ONLY;
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.s.lock(k.t1, k.a, k.siteA).acquire(k.t1, k.b, deleteObserver, orderOnly)
                .unlock(k.t1, k.b, deleteObserver, orderOnly).unlock(k.t1, k.a, k.siteA);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        List<Finding> d = k.deadlocks();
        assertEquals(1, d.size());
        LockAcquisition inside = d.get(0).cycle().get(0);
        assertEquals("b", inside.lock().field());
        assertEquals(11, inside.acquiredAt().line());
        assertEquals("Transaction.deleteObserver", inside.takenInside());
        assertEquals(null, d.get(0).cycle().get(1).takenInside(), "t2 took a in its own code");
    }

    @Test
    void aClassObjectsMonitorOfAnOlderTraceIsNamedByWhereItWasFirstTaken() {
        Bank k = new Bank();
        long ledgerClass = k.s.lockAllocatedAt("java.lang.Class", k.siteA);
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t1, ledgerClass, k.siteA, k.b, k.siteB).nested(k.t2, k.b, k.siteB2, ledgerClass, k.siteA2);
        List<Finding> d = k.deadlocks();
        assertEquals(1, d.size());
        assertTrue(d.get(0).cycle().stream().anyMatch(acq -> acq.lock().equals(
                        LockRef.classMonitor(null, new SourceSite("com.acme.Bank", "transfer", "Bank.java", 10)))),
                d.get(0).cycle().toString());
    }

    @Test
    void aClassObjectsMonitorIsNamedByTheClassItStandsFor() {
        Bank k = new Bank();
        long ledgerClass = k.s.lockAllocatedAt("com.acme.Ledger.class", k.siteA);
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t1, ledgerClass, k.siteA, k.b, k.siteB).nested(k.t2, k.b, k.siteB2, ledgerClass, k.siteA2);
        List<Finding> d = k.deadlocks();
        assertEquals(1, d.size());
        assertTrue(d.get(0).cycle().stream().anyMatch(acq -> acq.lock().equals(
                        LockRef.classMonitor("com.acme.Ledger", new SourceSite("com.acme.Bank", "transfer", "Bank.java",
                                10)))),
                d.get(0).cycle().toString());
    }

    @Test
    void aLockInAFieldKnowsTheClassOfTheLockObject() {
        TraceScript s = new TraceScript();
        long lock = s.lockInField("java.util.HashMap", s.field("com.acme.Loader", "cache", "Ljava/util/Map;"));
        int main = s.thread("main");
        int t1 = s.thread("t1", main, -1);
        int t2 = s.thread("t2", main, -1);
        long other = s.lockInField("java.lang.Object", s.field("com.acme.Loader", "other", "Ljava/lang/Object;"));
        int site = s.site("com.acme.Loader", "load", 7);
        s.start(main, t1, -1).start(main, t2, -1);
        s.lock(t1, lock, site).lock(t1, other, site).unlock(t1, other, site).unlock(t1, lock, site);
        s.lock(t2, other, site).lock(t2, lock, site).unlock(t2, lock, site).unlock(t2, other, site);
        Finding f = TraceScript.ofType(s.analyze(), FindingType.DEADLOCK).get(0);
        assertTrue(f.cycle().stream().anyMatch(acq -> acq.lock().equals(
                LockRef.field(true, "java.util.HashMap", "com.acme.Loader", "cache"))), f.cycle().toString());
    }

    @Test
    void locksWithNothingKnownAreNamedByWhereTheyWereFirstTaken() {
        Bank k = new Bank();
        long x = 777_001;
        long y = 777_002; // no ObjectInfo for either
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t1, x, k.siteA, y, k.siteB).nested(k.t2, y, k.siteB2, x, k.siteA2);
        List<Finding> d = k.deadlocks();
        assertEquals(1, d.size());
        assertEquals(List.of(LockRef.firstTaken(true, new SourceSite("com.acme.Bank", "transfer", "Bank.java", 11)),
                        LockRef.firstTaken(true, new SourceSite("com.acme.Bank", "transfer", "Bank.java", 10))),
                d.get(0).cycle().stream().map(LockAcquisition::lock).toList());
    }

    @Test
    void gateLockHeldAroundBothOrdersPreventsDeadlock() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.s.lock(k.t1, k.gate, k.siteA);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.unlock(k.t1, k.gate, k.siteA).lock(k.t2, k.gate, k.siteB2);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        k.s.unlock(k.t2, k.gate, k.siteB2);
        assertTrue(k.deadlocks().isEmpty());
    }

    @Test
    void inversionWithinOneThreadIsNotADeadlock() {
        Bank k = new Bank();
        k.nested(k.main, k.a, k.siteA, k.b, k.siteB).nested(k.main, k.b, k.siteB2, k.a, k.siteA2);
        assertTrue(k.deadlocks().isEmpty());
    }

    @Test
    void threadStartedAfterTheOtherWasJoinedCannotDeadlockWithIt() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.end(k.t1).join(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertTrue(k.deadlocks().isEmpty());
    }

    /**
     * A pool worker's task end releases the pool's token, a successful awaitTermination acquires
     * it, and only then is the inverse thread started: the hand-off orders the two acquisitions
     * as a join would, so they cannot be pending at once.
     */
    @Test
    void threadStartedAfterALibraryHandOffFromTheOtherCannotDeadlockWithIt() {
        Bank k = new Bank();
        long poolToken = 9_001;
        k.s.start(k.main, k.t1, k.startSite);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.hbRelease(k.t1, poolToken, k.siteB).hbAcquire(k.main, poolToken, k.startSite)
                .start(k.main, k.t2, k.startSite);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertTrue(k.deadlocks().isEmpty());
    }

    @Test
    void aHandOffReleasedBeforeTheFirstOrderDoesNotOrderIt() {
        Bank k = new Bank();
        long poolToken = 9_001;
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.s.hbRelease(k.t1, poolToken, k.siteB);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.hbAcquire(k.t2, poolToken, k.startSite);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertEquals(1, k.deadlocks().size());
    }

    @Test
    void sequentialInversionOrderedOnlyByTheLocksIsStillReported() {
        // t1 finishes before t2 starts its inversion, but only lock hand-over orders them: another
        // schedule interleaves them and deadlocks.
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertEquals(1, k.deadlocks().size());
    }

    @Test
    void inverseTakenOnlyByTryLockIsNotADeadlock() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.lock(k.t2, k.b, k.siteB2).acquire(k.t2, k.a, k.siteA2, LockFlags.MONITOR | LockFlags.TRY)
                .unlock(k.t2, k.a, k.siteA2).unlock(k.t2, k.b, k.siteB2);
        assertTrue(k.deadlocks().isEmpty());
    }

    @Test
    void readHoldsOfAReadWriteLockDoNotWaitForEachOther() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        int read = LockFlags.SHARED;
        // t1: read(a) then b; t2: b then read(a): t2's read acquisition does not wait for t1's read hold.
        k.s.lock(k.t1, k.a, k.siteA, read).lock(k.t1, k.b, k.siteB, 0).unlock(k.t1, k.b, k.siteB, 0).unlock(k.t1, k.a, k.siteA, read);
        k.s.lock(k.t2, k.b, k.siteB2, 0).lock(k.t2, k.a, k.siteA2, read).unlock(k.t2, k.a, k.siteA2, read).unlock(k.t2, k.b, k.siteB2, 0);
        assertTrue(k.deadlocks().isEmpty());
    }

    @Test
    void writeHoldAgainstReadAcquisitionIsADeadlock() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        int read = LockFlags.SHARED;
        k.s.lock(k.t1, k.a, k.siteA, 0).lock(k.t1, k.b, k.siteB, 0).unlock(k.t1, k.b, k.siteB, 0).unlock(k.t1, k.a, k.siteA, 0);
        k.s.lock(k.t2, k.b, k.siteB2, 0).lock(k.t2, k.a, k.siteA2, read).unlock(k.t2, k.a, k.siteA2, read).unlock(k.t2, k.b, k.siteB2, 0);
        assertEquals(1, k.deadlocks().size());
    }

    @Test
    void reportsThreeLockCycleOverThreeThreads() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite).start(k.main, k.t3, k.startSite);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.nested(k.t2, k.b, k.siteB, k.c, k.siteA2);
        k.nested(k.t3, k.c, k.siteA2, k.a, k.siteA);
        List<Finding> d = k.deadlocks();
        assertEquals(1, d.size());
        assertEquals(FindingType.DEADLOCK, d.get(0).type());
        assertEquals(List.of("t1", "t2", "t3"), d.get(0).cycle().stream().map(x -> x.thread().name()).toList());
    }

    @Test
    void threeLockCycleInTwoThreadsIsNotReported() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.nested(k.t1, k.b, k.siteB, k.c, k.siteA2);
        k.nested(k.t2, k.c, k.siteA2, k.a, k.siteA);
        assertEquals(0, k.deadlocks().stream().filter(f -> f.cycle().size() == 3).count());
    }

    @Test
    void reentrantAcquisitionIsNeverAnEdge() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        // t1: a, b, then a again (reentrant): no b -> a edge.
        k.s.lock(k.t1, k.a, k.siteA).lock(k.t1, k.b, k.siteB).lock(k.t1, k.a, k.siteA2)
                .unlock(k.t1, k.a, k.siteA2).unlock(k.t1, k.b, k.siteB).unlock(k.t1, k.a, k.siteA);
        k.nested(k.t2, k.a, k.siteA, k.b, k.siteB);
        assertTrue(k.deadlocks().isEmpty());
    }

    @Test
    void waitReacquireIsNotAnEdge() {
        Bank k = new Bank();
        k.s.start(k.main, k.t1, k.startSite).start(k.main, k.t2, k.startSite);
        int wait = LockFlags.MONITOR | LockFlags.WAIT;
        // t1 holds b, waits on a (a was taken first): the re-acquire of a while holding b is not an edge.
        k.s.lock(k.t1, k.a, k.siteA).lock(k.t1, k.b, k.siteB).unlock(k.t1, k.a, k.siteA, wait)
                .acquire(k.t1, k.a, k.siteA, wait).unlock(k.t1, k.b, k.siteB).unlock(k.t1, k.a, k.siteA);
        k.nested(k.t2, k.a, k.siteA2, k.b, k.siteB2);
        assertTrue(k.deadlocks().isEmpty());
    }

    @Test
    void bankTransferBetweenTwoInstancesOfOneClassIsOneDeadlock() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int t1 = s.thread("t1", main, -1);
        int t2 = s.thread("t2", main, -1);
        int from = s.site("com.acme.Account", "transfer", 30);
        int to = s.site("com.acme.Account", "transfer", 31);
        long acc1 = s.object("com.acme.Account");
        long acc2 = s.object("com.acme.Account");
        long acc3 = s.object("com.acme.Account");
        long acc4 = s.object("com.acme.Account");
        s.start(main, t1, -1).start(main, t2, -1);
        // transfer(acc1, acc2) in t1 and transfer(acc2, acc1) in t2: synchronized(from) { synchronized(to) }
        s.lock(t1, acc1, from).lock(t1, acc2, to).unlock(t1, acc2, to).unlock(t1, acc1, from);
        s.lock(t2, acc2, from).lock(t2, acc1, to).unlock(t2, acc1, to).unlock(t2, acc2, from);
        // Same for acc3 / acc4: the same bug, a second occurrence.
        s.lock(t1, acc3, from).lock(t1, acc4, to).unlock(t1, acc4, to).unlock(t1, acc3, from);
        s.lock(t2, acc4, from).lock(t2, acc3, to).unlock(t2, acc3, to).unlock(t2, acc4, from);
        List<Finding> d = TraceScript.ofType(s.analyze(), FindingType.DEADLOCK);
        assertEquals(1, d.size(), d.toString());
        Finding f = d.get(0);
        assertEquals(FindingType.DEADLOCK, f.type());
        assertEquals(2, f.occurrences());
        assertEquals(LockRef.ofClass(true, "com.acme.Account"), f.cycle().get(0).lock().instance(0));
        assertTrue(f.cycle().get(0).lock().instance() > 0, f.cycle().get(0).lock().toString());
        assertTrue(!f.cycle().get(0).lock().equals(f.cycle().get(1).lock()));
    }

    @Test
    void handOverHandLockingOfOneClassInOneOrderIsNotADeadlock() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int t1 = s.thread("t1", main, -1);
        int t2 = s.thread("t2", main, -1);
        int site = s.site("com.acme.Node", "walk", 5);
        long n1 = s.object("com.acme.Node");
        long n2 = s.object("com.acme.Node");
        long n3 = s.object("com.acme.Node");
        s.start(main, t1, -1).start(main, t2, -1);
        for (int t : new int[] {t1, t2}) {
            s.lock(t, n1, site).lock(t, n2, site).unlock(t, n1, site).lock(t, n3, site).unlock(t, n2, site).unlock(t, n3, site);
        }
        assertTrue(TraceScript.ofType(s.analyze(), FindingType.DEADLOCK).isEmpty());
    }

    @Test
    void diningPhilosophersAreOneFiveLockCycle() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int site = s.site("com.acme.Philosopher", "eat", 12);
        long[] forks = new long[5];
        for (int i = 0; i < 5; i++) {
            forks[i] = s.object("com.acme.Fork");
        }
        for (int i = 0; i < 5; i++) {
            int t = s.thread("philosopher-" + i, main, -1);
            s.start(main, t, -1);
            s.lock(t, forks[i], site).lock(t, forks[(i + 1) % 5], site)
                    .unlock(t, forks[(i + 1) % 5], site).unlock(t, forks[i], site);
        }
        List<Finding> d = TraceScript.ofType(s.analyze(), FindingType.DEADLOCK);
        assertEquals(1, d.size());
        assertEquals(FindingType.DEADLOCK, d.get(0).type());
    }

    @Test
    void deadlockFingerprintIgnoresLinesAndIds() {
        String[] prints = new String[2];
        for (int run = 0; run < 2; run++) {
            TraceScript s = new TraceScript(run == 0 ? 100 : 55_555, run * 17);
            int main = s.thread("main");
            int t1 = s.thread("t1", main, -1);
            int t2 = s.thread("t2", main, -1);
            long a = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "a", "Ljava/lang/Object;"));
            long b = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "b", "Ljava/lang/Object;"));
            int x = s.site("com.acme.Bank", "m", 3);
            s.start(main, t1, -1).start(main, t2, -1)
                    .lock(t1, a, x).lock(t1, b, x).unlock(t1, b, x).unlock(t1, a, x)
                    .lock(t2, b, x).lock(t2, a, x).unlock(t2, a, x).unlock(t2, b, x);
            prints[run] = TraceScript.ofType(s.analyze(), FindingType.DEADLOCK).get(0).fingerprint();
        }
        assertEquals(prints[0], prints[1]);
    }
}
