package dev.racelock.report;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.SourceSite;
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

    /** worker-2 writes Counter.hits at line 12 while worker-1's earlier read of it is unordered. */
    public static Finding race() {
        SourceSite increment = site("com.acme.Counter", "increment", "Counter.java", 12);
        Access read = new Access(WORKER_1, AccessKind.READ, "Counter.hits", increment,
                List.of(increment, site("com.acme.Worker", "run", "Worker.java", 30),
                        site("java.lang.Thread", "run", "Thread.java", 1583)),
                List.of(new HeldLock("Registry.lock", site("com.acme.Worker", "run", "Worker.java", 28))));
        Access write = new Access(WORKER_2, AccessKind.WRITE, "Counter.hits", increment,
                List.of(increment, site("com.acme.Worker", "run", "Worker.java", 30),
                        site("com.acme.Worker", "<init>", "Worker.java", 9)),
                List.of());
        return new Finding(FindingType.DATA_RACE, RACE_FINGERPRINT, "DATA RACE on Counter.hits",
                "Unsynchronized write of Counter.hits by thread \"worker-2\" races with a read by thread \"worker-1\"",
                "no lock held in common and no hand-off between them", "lost-update", List.of(read, write), List.of(),
                412);
    }

    /** t1 takes lockA then lockB; t2 takes lockB then lockA. */
    public static Finding deadlock() {
        SourceSite t1TakesA = site("com.acme.Bank", "transfer", "Bank.java", 19);
        SourceSite t1TakesB = site("com.acme.Bank", "transfer", "Bank.java", 20);
        SourceSite t2TakesB = site("com.acme.Bank", "refund", "Bank.java", 30);
        SourceSite t2TakesA = site("com.acme.Bank", "refund", "Bank.java", 31);
        LockAcquisition t1 = new LockAcquisition("Bank.lockB", T1, t1TakesB,
                List.of(t1TakesB, site("com.acme.BankDemo", "lambda$main$0", "BankDemo.java", 9)),
                List.of(new HeldLock("Bank.lockA", t1TakesA)));
        LockAcquisition t2 = new LockAcquisition("Bank.lockA", T2, t2TakesA,
                List.of(t2TakesA, site("com.acme.BankDemo", "lambda$main$1", "BankDemo.java", 10)),
                List.of(new HeldLock("Bank.lockB", t2TakesB)));
        return new Finding(FindingType.DEADLOCK, DEADLOCK_FINGERPRINT,
                "POTENTIAL DEADLOCK: lock-order cycle of 2 locks",
                "Bank.lockA and Bank.lockB are taken in opposite orders by threads \"t1\" and \"t2\"",
                "the two threads take the locks in opposite orders, share no gate lock and nothing orders them",
                null, List.of(), List.of(t1, t2), 1);
    }

    /** Two threads seen blocked on each other's ReentrantLock. */
    public static Finding observedDeadlock() {
        ThreadRef restock = new ThreadRef(31, "restock", site("com.acme.Shop", "open", "Shop.java", 40));
        ThreadRef checkout = new ThreadRef(32, "checkout", site("com.acme.Shop", "open", "Shop.java", 41));
        String lock14 = "ReentrantLock allocated at Inventory.java:14";
        String lock15 = "ReentrantLock allocated at Inventory.java:15";
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
        return new Finding(FindingType.OBSERVED_DEADLOCK, OBSERVED_FINGERPRINT,
                "OBSERVED DEADLOCK: 2 threads blocked in a cycle",
                "Threads \"restock\" and \"checkout\" were blocked on each other's locks",
                "each thread waited for a lock the other held; the process could not continue", null, List.of(),
                List.of(a, b), 1);
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
        Access a = new Access(evil, AccessKind.WRITE, "Evil.<b>flag</b>", s, List.of(s), List.of());
        Access b = new Access(MAIN, AccessKind.READ, "Evil.<b>flag</b>", s, List.of(s), List.of());
        Finding f = new Finding(FindingType.DATA_RACE, "data-race:Evil.<b>flag</b>", "DATA RACE on Evil.<b>flag</b>",
                "message with <tags> & [brackets] and a tab\there", "because <reasons>", null, List.of(b, a), List.of(),
                2);
        return new AnalysisResult(List.of("odd <name>.rlt"), List.of(f), 10, List.of("warning with <markup>"));
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
