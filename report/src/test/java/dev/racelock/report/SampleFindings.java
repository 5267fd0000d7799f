package dev.racelock.report;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.RelaxedOrder;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StackBase;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.ThreadRef;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Findings as the analyzer would produce them for three classic bugs: a lost update on a counter,
 * a two-lock order inversion in a bank, and a deadlock the agent saw happen. Built by hand so the
 * renderers are tested without running the analyzer.
 */
public final class SampleFindings {

    public static final String RACE_FINGERPRINT = "data-race:com.acme.Counter.hits:Counter.increment/Counter.increment";
    public static final String DEADLOCK_FINGERPRINT = "deadlock:Bank.lockA>Bank.lockB";
    public static final String OBSERVED_FINGERPRINT = "observed-deadlock:Inventory@14>Inventory@15";

    static final ThreadRef MAIN = new ThreadRef(1, "main", null);
    static final ThreadRef WORKER_1 = new ThreadRef(11, "worker-1", site("com.acme.Main", "main", "Main.java", 7));
    static final ThreadRef WORKER_2 = new ThreadRef(12, "worker-2", site("com.acme.Main", "main", "Main.java", 8));
    static final ThreadRef T1 = new ThreadRef(21, "t1", site("com.acme.BankDemo", "main", "BankDemo.java", 11));
    static final ThreadRef T2 = new ThreadRef(22, "t2", site("com.acme.BankDemo", "main", "BankDemo.java", 12));

    private SampleFindings() {}

    public static SourceSite site(String className, String method, String file, int line) {
        return new SourceSite(className, method, file, line);
    }

    /** A lock held in a field of {@code owner}, an Object used as a monitor. */
    public static LockRef fieldLock(String owner, String field) {
        return LockRef.field(true, "java.lang.Object", owner, field);
    }

    /** worker-2 writes Counter.hits at line 12 while worker-1's earlier read of it is unordered. */
    public static Finding race() {
        SourceSite increment = site("com.acme.Counter", "increment", "Counter.java", 12);
        Access read = new Access(WORKER_1, AccessKind.READ, -1, increment,
                List.of(increment, site("com.acme.Worker", "run", "Worker.java", 30),
                        site("java.lang.Thread", "run", "Thread.java", 1583)),
                List.of(new HeldLock(fieldLock("com.acme.Registry", "lock"), site("com.acme.Worker", "run", "Worker.java", 28))));
        Access write = new Access(WORKER_2, AccessKind.WRITE, -1, increment,
                List.of(increment, site("com.acme.Worker", "run", "Worker.java", 30),
                        site("com.acme.Worker", "<init>", "Worker.java", 9)),
                List.of());
        return Finding.race(FindingType.DATA_RACE, RACE_FINGERPRINT, MemoryLocation.field("com.acme.Counter", "hits"),
                List.of(new RacePair(read, write, RaceClassification.LOST_UPDATE, StartRelation.NONE, 412)));
    }

    /**
     * {@link #race()} followed by a race that could only happen after it (SHB): a read of
     * {@code Config.data} ordered after its write only by the racy read of the first race.
     */
    public static Finding raceFollowedByAnother() {
        Finding race = race();
        SourceSite publish = site("com.acme.Config", "publish", "Config.java", 10);
        SourceSite use = site("com.acme.Main", "use", "Main.java", 21);
        ConsequentRace data = new ConsequentRace(MemoryLocation.field("com.acme.Config", "data"),
                new Access(new ThreadRef(12, "w2", null), AccessKind.WRITE, -1, publish, List.of(publish), List.of()),
                new Access(new ThreadRef(11, "w1", null), AccessKind.READ, -1, use, List.of(use), List.of()), 3);
        RacePair primary = race.primaryPair();
        return Finding.race(race.type(), race.fingerprint(), race.location(),
                List.of(new RacePair(primary.earlier(), primary.later(), primary.classification(), primary.startRelation(),
                        primary.occurrences(), null, List.of(data))));
    }

    /**
     * A pool's task, Reaper.run, writes Ledger.total on a JDK pool thread: its stack is cut where
     * the pool's worker (code racelock does not record) called it. main read it earlier, in a
     * stack that reaches main(String[]), whole.
     */
    public static Finding poolTaskRace() {
        SourceSite reap = site("com.acme.Reaper", "run", "Reaper.java", 14);
        SourceSite total = site("com.acme.Ledger", "total", "Ledger.java", 22);
        Access write = new Access(new ThreadRef(14, "pool-1-thread-1", null), AccessKind.WRITE, -1, reap, List.of(reap),
                List.of(), null, StackBase.UNRECORDED_CALLER);
        Access read = new Access(MAIN, AccessKind.READ, -1, total,
                List.of(total, site("com.acme.Main", "main", "Main.java", 9)), List.of(), null, StackBase.THREAD_ENTRY);
        return Finding.race(FindingType.DATA_RACE, "data-race:com.acme.Ledger.total",
                MemoryLocation.field("com.acme.Ledger", "total"),
                List.of(new RacePair(read, write, null, StartRelation.NONE, 1)));
    }

    /**
     * worker-1 writes Config.ready before taking Registry.lock; worker-2 takes the lock after it
     * and then reads Config.ready: ordered in this run only by which thread took the lock first.
     */
    public static Finding predictedRace() {
        SourceSite publish = site("com.acme.Config", "publish", "Config.java", 10);
        SourceSite consume = site("com.acme.Config", "consume", "Config.java", 23);
        Access write = new Access(WORKER_1, AccessKind.WRITE, -1, publish, List.of(publish), List.of());
        Access read = new Access(WORKER_2, AccessKind.READ, -1, consume, List.of(consume), List.of());
        RelaxedOrder relaxed = new RelaxedOrder(fieldLock("com.acme.Registry", "lock"), WORKER_1,
                site("com.acme.Config", "publish", "Config.java", 11), site("com.acme.Config", "publish", "Config.java", 13),
                WORKER_2, site("com.acme.Config", "consume", "Config.java", 20));
        return Finding.race(FindingType.PREDICTED_RACE, "data-race:com.acme.Config.ready",
                MemoryLocation.field("com.acme.Config", "ready"),
                List.of(new RacePair(write, read, null, StartRelation.NONE, 1, relaxed)));
    }

    /** t1 takes lockA then lockB; t2 takes lockB then lockA. */
    public static Finding deadlock() {
        SourceSite t1TakesA = site("com.acme.Bank", "transfer", "Bank.java", 19);
        SourceSite t1TakesB = site("com.acme.Bank", "transfer", "Bank.java", 20);
        SourceSite t2TakesB = site("com.acme.Bank", "refund", "Bank.java", 30);
        SourceSite t2TakesA = site("com.acme.Bank", "refund", "Bank.java", 31);
        LockRef lockA = fieldLock("com.acme.Bank", "lockA");
        LockRef lockB = fieldLock("com.acme.Bank", "lockB");
        LockAcquisition t1 = new LockAcquisition(lockB, T1, t1TakesB,
                List.of(t1TakesB, site("com.acme.BankDemo", "lambda$main$0", "BankDemo.java", 9)),
                List.of(new HeldLock(lockA, t1TakesA)));
        LockAcquisition t2 = new LockAcquisition(lockA, T2, t2TakesA,
                List.of(t2TakesA, site("com.acme.BankDemo", "lambda$main$1", "BankDemo.java", 10)),
                List.of(new HeldLock(lockB, t2TakesB)));
        return Finding.cycle(FindingType.DEADLOCK, DEADLOCK_FINGERPRINT, List.of(t1, t2), 1);
    }

    /**
     * DERBY-5447's shape: t1 holds the cache's monitor and calls {@code deleteObserver} on the
     * transaction, which takes the transaction's monitor inside the JDK (an order-only hold); t2
     * holds the transaction's monitor and takes the cache's.
     */
    public static Finding deadlockInsideJdkCall() {
        SourceSite t1TakesCache = site("com.acme.Cache", "close", "Cache.java", 40);
        SourceSite t1RemovesObserver = site("com.acme.Cache", "close", "Cache.java", 41);
        SourceSite t2TakesTx = site("com.acme.Tx", "commit", "Tx.java", 12);
        SourceSite t2TakesCache = site("com.acme.Tx", "commit", "Tx.java", 14);
        LockRef cache = fieldLock("com.acme.Cache", "CACHE");
        LockRef tx = fieldLock("com.acme.Cache", "TX");
        LockAcquisition t1 = new LockAcquisition(tx, T1, t1RemovesObserver, List.of(t1RemovesObserver),
                List.of(new HeldLock(cache, t1TakesCache)), StackBase.THREAD_ENTRY, "Transaction.deleteObserver");
        LockAcquisition t2 = new LockAcquisition(cache, T2, t2TakesCache, List.of(t2TakesCache),
                List.of(new HeldLock(tx, t2TakesTx)), StackBase.THREAD_ENTRY);
        return Finding.cycle(FindingType.DEADLOCK, DEADLOCK_FINGERPRINT, List.of(t1, t2), 1);
    }

    /** The cycle of {@link #deadlock()}, which a reordering of the run realizes. */
    public static Finding predictedDeadlock() {
        Finding potential = deadlock();
        return Finding.cycle(FindingType.PREDICTED_DEADLOCK, DEADLOCK_FINGERPRINT, potential.cycle(), 1);
    }

    /** Two threads seen blocked on each other's ReentrantLock. */
    public static Finding observedDeadlock() {
        ThreadRef restock = new ThreadRef(31, "restock", site("com.acme.Shop", "open", "Shop.java", 40));
        ThreadRef checkout = new ThreadRef(32, "checkout", site("com.acme.Shop", "open", "Shop.java", 41));
        String reentrantLock = "java.util.concurrent.locks.ReentrantLock";
        LockRef lock14 = LockRef.allocation(false, reentrantLock, site("com.acme.Inventory", "<init>", "Inventory.java", 14));
        LockRef lock15 = LockRef.allocation(false, reentrantLock, site("com.acme.Inventory", "<init>", "Inventory.java", 15));
        SourceSite restockHolds = site("com.acme.Inventory", "restock", "Inventory.java", 52);
        SourceSite restockWaits = site("com.acme.Inventory", "restock", "Inventory.java", 53);
        SourceSite checkoutHolds = site("com.acme.Inventory", "checkout", "Inventory.java", 70);
        SourceSite checkoutWaits = site("com.acme.Inventory", "checkout", "Inventory.java", 71);
        LockAcquisition a = new LockAcquisition(lock15, restock, restockWaits,
                List.of(restockWaits, site("com.acme.Shop", "lambda$open$0", "Shop.java", 40)),
                List.of(new HeldLock(lock14, restockHolds)));
        LockAcquisition b = new LockAcquisition(lock14, checkout, checkoutWaits,
                List.of(checkoutWaits, site("com.acme.Shop", "lambda$open$1", "Shop.java", 41)),
                List.of(new HeldLock(lock15, checkoutHolds)));
        return Finding.cycle(FindingType.OBSERVED_DEADLOCK, OBSERVED_FINGERPRINT, List.of(a, b), 1);
    }

    public static AnalysisResult result() {
        return new AnalysisResult(List.of("t-1234.rlt"), List.of(race(), deadlock(), observedDeadlock()), 1_234_567L,
                List.of("trace t-1234.rlt ends early: the last chunk was cut off at byte 40,960"));
    }

    public static AnalysisResult clean() {
        return new AnalysisResult(List.of("t-1234.rlt", "t-1235.rlt"), List.of(), 98_765L, List.of());
    }

    /** A race whose names carry markup and control characters, as hostile or odd programs may. */
    public static AnalysisResult hostile() {
        ThreadRef evil = new ThreadRef(5, "<script>alert('x')</script> & \"friends\"\u0007", null);
        SourceSite s = site("com.acme.Evil", "<clinit>", "Evil.java", 3);
        Access a = new Access(evil, AccessKind.WRITE, -1, s, List.of(s),
                List.of(new HeldLock(fieldLock("com.acme.Evil", "<i>lock</i> [x]"), s)));
        Access b = new Access(MAIN, AccessKind.READ, -1, s, List.of(s), List.of());
        Finding f = Finding.race(FindingType.DATA_RACE, "data-race:Evil.<b>flag</b>",
                MemoryLocation.field("com.acme.Evil", "<b>flag</b>\tand a tab"),
                List.of(new RacePair(b, a, null, StartRelation.NONE, 2)));
        return new AnalysisResult(List.of("odd <name>.rlt"), List.of(f), 10, List.of("warning with <markup>"));
    }

    /**
     * Findings as a real test suite yields them: long package and class names, and stacks that end
     * in the JUnit/Surefire tail, for layout checks and folding.
     */
    public static AnalysisResult fromATestSuite() {
        String pool = "org.apache.commons.pool2.impl.GenericKeyedObjectPool";
        List<SourceSite> junitTail = new java.util.ArrayList<>();
        String[][] tail = {
                {"jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", "DirectMethodHandleAccessor.java", "103"},
                {"java.lang.reflect.Method", "invoke", "Method.java", "580"},
                {"org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", "786"},
                {"org.junit.jupiter.engine.execution.MethodInvocation", "proceed", "MethodInvocation.java", "60"},
                {"org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor", "invokeTestMethod", "TestMethodTestDescriptor.java", "217"},
                {"org.junit.platform.engine.support.hierarchical.NodeTestTask", "executeRecursively", "NodeTestTask.java", "160"},
                {"org.apache.maven.surefire.junitplatform.JUnitPlatformProvider", "invoke", "JUnitPlatformProvider.java", "124"},
                {"org.apache.maven.surefire.booter.ForkedBooter", "main", "ForkedBooter.java", "507"}};
        for (String[] f : tail) {
            junitTail.add(site(f[0], f[1], f[2], Integer.parseInt(f[3])));
        }
        SourceSite borrow = site(pool, "borrowObject", "GenericKeyedObjectPool.java", 1_342);
        SourceSite evict = site(pool + "$Evictor", "run", "GenericKeyedObjectPool.java", 2_210);
        List<SourceSite> testStack = new java.util.ArrayList<>(List.of(borrow,
                site("org.apache.commons.pool2.impl.TestGenericKeyedObjectPool", "testBorrowObjectFairnessUnderContention",
                        "TestGenericKeyedObjectPool.java", 1_876)));
        testStack.addAll(junitTail);
        ThreadRef evictor = new ThreadRef(41, "commons-pool-evictor-thread-with-a-long-name",
                site("org.apache.commons.pool2.impl.EvictionTimer", "schedule", "EvictionTimer.java", 125));
        ThreadRef test = new ThreadRef(1, "main", null);
        LockRef keyLock = LockRef.field(false, "java.util.concurrent.locks.ReentrantReadWriteLock",
                pool, "keyLockGuardingTheObjectDequeMapForEveryKeyOfThePool");
        LockRef dequeLock = LockRef.field(true, "java.util.concurrent.LinkedBlockingDeque",
                pool + "$ObjectDeque", "idleObjectsDequeUsedAsMonitorByTheEvictor");
        // the evictor's task runs on a timer thread of the JDK: its stacks are cut below Evictor.run
        Access write = new Access(evictor, AccessKind.WRITE, -1, evict, List.of(evict),
                List.of(new HeldLock(keyLock, evict)), null, StackBase.UNRECORDED_CALLER);
        Access read = new Access(test, AccessKind.READ, -1, borrow, testStack, List.of());
        Finding race = Finding.race(FindingType.DATA_RACE, "pool-race",
                MemoryLocation.field(pool + "$ObjectDeque", "numInterestedBorrowersWaitingForAnObject"),
                List.of(new RacePair(write, read, null, StartRelation.NONE, 3)));
        LockAcquisition first = new LockAcquisition(dequeLock, evictor, evict, List.of(evict),
                List.of(new HeldLock(keyLock, evict)), StackBase.UNRECORDED_CALLER);
        LockAcquisition second = new LockAcquisition(keyLock, test, borrow, testStack,
                List.of(new HeldLock(dequeLock, borrow)));
        Finding deadlock = Finding.cycle(FindingType.DEADLOCK, "pool-deadlock", List.of(first, second), 1);
        return new AnalysisResult(List.of("target/racelock/racelock-12345.rlt"), List.of(race, deadlock), 9_876_543,
                List.of());
    }

    /** The report as a string, through the public entry point. */
    public static String render(AnalysisResult result, ReportFormat format, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            Reports.render(result, format, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static ReportOptions options(Path projectRoot) {
        return ReportOptions.forProject(projectRoot, false, "0.1.0-test");
    }
}
