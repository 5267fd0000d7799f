package dev.racelock.report.text;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.SampleFindings;
import dev.racelock.report.view.FindingView;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportTest {

    private static final ReportOptions PLAIN = SampleFindings.options(Path.of("."));

    private static String text(AnalysisResult result) {
        return SampleFindings.render(result, ReportFormat.TEXT, PLAIN);
    }

    @Test
    void reportsRaceLikeGoRaceDetector() {
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.race()), 10, List.of()));
        assertEquals("""
                ==================
                DATA RACE on Counter.hits (lost update)
                  Write by thread "worker-2":
                    com.acme.Counter.increment(Counter.java:12)
                    com.acme.Worker.run(Worker.java:30)
                    com.acme.Worker.<init>(Worker.java:9)
                    locks held: none
                  Previous read by thread "worker-1":
                    com.acme.Counter.increment(Counter.java:12)
                    com.acme.Worker.run(Worker.java:30)
                    java.lang.Thread.run(Thread.java:1583)
                    locks held: Registry.lock (taken at Worker.java:28)
                  Thread "worker-2" created at:
                    com.acme.Main.main(Main.java:8)
                  Thread "worker-1" created at:
                    com.acme.Main.main(Main.java:7)
                  Why: thread "worker-1" holds Registry.lock, thread "worker-2" holds no lock: no lock held in common and no hand-off between them.
                  Seen 412 times.
                ==================
                racelock: 1 data race (1 finding) in 1 trace, 10 events
                """, report);
    }

    /** A stack cut where a JDK pool called its task says so in words; the one that reaches main does not. */
    @Test
    void saysWhereAStackIsCutAtCodeRacelockDoesNotRecord() {
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.poolTaskRace()), 10, List.of()));
        assertEquals("""
                ==================
                DATA RACE on Ledger.total
                  Write by thread "pool-1-thread-1":
                    com.acme.Reaper.run(Reaper.java:14)
                    ... called from code racelock does not record (excluded or JDK)
                    locks held: none
                  Previous read by thread "main":
                    com.acme.Ledger.total(Ledger.java:22)
                    com.acme.Main.main(Main.java:9)
                    locks held: none
                  Why: no lock held in common and no hand-off between them.
                ==================
                racelock: 1 data race (1 finding) in 1 trace, 10 events
                """, report);
        assertFalse(text(SampleFindings.result()).contains("racelock does not record"), "no stack of it is cut");
    }

    @Test
    void listsTheOtherPairsOfAccessesOfARaceOneLineEach() {
        Finding race = SampleFindings.race();
        SourceSite reset = SampleFindings.site("com.acme.Counter", "reset", "Counter.java", 30);
        SourceSite print = SampleFindings.site("com.acme.Main", "print", "Main.java", 12);
        RacePair other = new RacePair(new Access(new ThreadRef(1, "main", null), AccessKind.READ, -1, print,
                List.of(print), List.of()), new Access(new ThreadRef(13, "w3", null), AccessKind.WRITE, -1, reset,
                List.of(reset), List.of()), null, StartRelation.NONE, 2);
        List<RacePair> pairs = new ArrayList<>(race.pairs());
        pairs.add(other);
        Finding grouped = Finding.race(race.type(), race.fingerprint(), race.location(), pairs);
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(grouped), 10, List.of()));
        assertTrue(report.contains("""
                  Other pairs of accesses to Counter.hits:
                    write by thread "w3" at Counter.java:30, previous read by thread "main" at Main.java:12 (seen 2 times)
                """), report);
        assertTrue(report.contains("  Seen 414 times.\n"), report);
    }

    @Test
    void listsTheRacesThatFollowedARaceOneLineEach() {
        Finding withConsequence = SampleFindings.raceFollowedByAnother();
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(withConsequence), 10, List.of()));
        assertTrue(report.contains("""
                  Followed by races that can only happen after this one:
                    Config.data: read by thread "w1" at Main.java:21, previous write by thread "w2" at Config.java:10 (seen 3 times)
                """), report);
        assertTrue(report.contains("racelock: 1 data race (1 finding)"), report);
    }

    @Test
    void reportsPredictedRaceWithTheCriticalSectionsWhoseOrderHidIt() {
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.predictedRace()), 10,
                List.of()));
        assertTrue(report.contains("PREDICTED DATA RACE on Config.ready\n"), report);
        assertTrue(report.contains("""
                  Ordered in this run only by lock order:
                    thread "worker-1" held Registry.lock from Config.java:11 to Config.java:13, first
                    thread "worker-2" took it next at Config.java:20
                """), report);
        assertTrue(report.contains("Why: in this run thread \"worker-1\" released Registry.lock before thread"
                + " \"worker-2\" took it, and that hand-off ordered the write in \"worker-1\" before the read in"
                + " \"worker-2\"; the two critical sections touch no common data"), report);
        assertTrue(report.contains("1 predicted data race"), report);
    }

    @Test
    void namesTheJdkMethodAMonitorWasTakenInside() {
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.deadlockInsideJdkCall()), 10,
                List.of()));
        assertTrue(report.contains("  Thread \"t1\" acquired Cache.TX at Cache.java:41 inside Transaction.deleteObserver"
                + " while holding Cache.CACHE (taken at Cache.java:40)\n"), report);
        assertTrue(report.contains("  Thread \"t2\" acquired Cache.CACHE at Tx.java:14 while holding Cache.TX"
                + " (taken at Tx.java:12)\n"), "the application's own acquisition names no call: " + report);
    }

    @Test
    void reportsEachAcquisitionOfALockCycleAndTheCycle() {
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.deadlock()), 10, List.of()));
        assertTrue(report.contains("POTENTIAL DEADLOCK: lock-order cycle of 2 locks\n"), report);
        assertTrue(report.contains("  Thread \"t1\" acquired Bank.lockB at Bank.java:20 while holding Bank.lockA"
                + " (taken at Bank.java:19)\n    com.acme.Bank.transfer(Bank.java:20)\n"
                + "    com.acme.BankDemo.lambda$main$0(BankDemo.java:9)\n"), report);
        assertTrue(report.contains("  Thread \"t2\" acquired Bank.lockA at Bank.java:31 while holding Bank.lockB"
                + " (taken at Bank.java:30)\n"), report);
        assertTrue(report.contains("  Cycle: Bank.lockA -> Bank.lockB -> Bank.lockA\n"), report);
        assertTrue(report.contains("  Why: Each thread holds a lock of the cycle while it waits for the next one"), report);
        assertFalse(report.contains("Seen "), "a finding seen once does not say how often: " + report);
    }

    @Test
    void saysAPredictedDeadlockIsWhereAReorderingOfTheRunStopsEachThread() {
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.predictedDeadlock()), 10,
                List.of()));
        assertTrue(report.contains("PREDICTED DEADLOCK: lock-order cycle of 2 locks\n"), report);
        assertTrue(report.contains("  Thread \"t1\" would block acquiring Bank.lockB at Bank.java:20 while holding"
                + " Bank.lockA"), report);
        assertTrue(report.contains("  Why: A reordering of this run that keeps the value every read saw and the order of"
                + " the critical sections of each lock it runs stops each thread at the acquisition shown"), report);
        assertTrue(report.endsWith("racelock: 1 predicted deadlock (1 finding) in 1 trace, 10 events\n"), report);
    }

    @Test
    void saysAnObservedDeadlocksThreadsWereBlocked() {
        String report = text(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.observedDeadlock()), 10,
                List.of()));
        assertTrue(report.contains("Thread \"restock\" blocked acquiring ReentrantLock allocated at Inventory.java:15"
                + " at Inventory.java:53 while holding ReentrantLock allocated at Inventory.java:14"), report);
    }

    @Test
    void endsWithSummaryCountingEachTypeAfterWarnings() {
        String report = text(SampleFindings.result());
        String expectedEnd = "==================\n"
                + "racelock: warning: trace t-1234.rlt ends early: the last chunk was cut off at byte 40,960\n"
                + "racelock: 1 data race, 1 potential deadlock, 1 observed deadlock (3 findings) in 1 trace,"
                + " 1,234,567 events\n";
        assertTrue(report.endsWith(expectedEnd), report);
        assertEquals(4, report.split("==================\n", -1).length - 1, "one separator before each finding and one after");
    }

    @Test
    void saysNoRacesOrDeadlocksWhenClean() {
        assertEquals("racelock: no races or deadlocks found in 2 traces, 98,765 events\n", text(SampleFindings.clean()));
    }

    @Test
    void usesAnsiColoursOnlyWhenAsked() {
        assertFalse(text(SampleFindings.result()).contains("\u001b["));
        ReportOptions color = new ReportOptions(List.of(), Path.of("."), true, "x");
        String colored = SampleFindings.render(SampleFindings.result(), ReportFormat.TEXT, color);
        assertTrue(colored.contains("\u001b[1;31mDATA RACE on Counter.hits (lost update)\u001b[0m"), colored);
    }

    @Test
    void findingTextIsOneFindingWithoutSeparators() {
        String one = TextReport.findingText(FindingView.of(SampleFindings.deadlock(), 1));
        assertTrue(one.startsWith("POTENTIAL DEADLOCK"), one);
        assertFalse(one.contains("=================="), one);
        assertFalse(one.contains("racelock:"), one);
    }
}
