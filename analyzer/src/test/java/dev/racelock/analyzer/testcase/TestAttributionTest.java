package dev.racelock.analyzer.testcase;

import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.TestRef;
import dev.racelock.trace.ObservedDeadlock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each finding names the test during which its later access, or its cycle's closing acquisition, happened. */
class TestAttributionTest {

    static final int CLASS = 0;
    static final int RACY = 1;
    static final int LOCKS = 2;
    static final int CLEAN = 3;

    final TraceScript script = new TraceScript();
    final int main = script.thread("main");

    TestAttributionTest() {
        script.header(true)
                .testCase(CLASS, "com.acme.ATest", null)
                .testCase(RACY, "com.acme.ATest", "racy")
                .testCase(LOCKS, "com.acme.ATest", "locks")
                .testCase(CLEAN, "com.acme.ATest", "clean");
    }

    private static TestRef test(int id, String method) {
        return new TestRef("[test:" + id + "]", "com.acme.ATest", method, method + "()");
    }

    @Test
    void aRaceBelongsToTheTestOfItsLaterAccessAndACycleToTheTestThatClosedIt() {
        int hits = script.field("com.acme.Counter", "hits", "I");
        int hitSite = script.site("com.acme.Counter", "hit", 8);
        int startSite = script.site("com.acme.ATest", "racy", 20);
        long counter = script.object("com.acme.Counter");
        long a = script.lockAllocatedAt("java.lang.Object", script.site("com.acme.Bank", "<init>", 3));
        long b = script.lockAllocatedAt("java.lang.Object", script.site("com.acme.Bank", "<init>", 4));
        int abSite = script.site("com.acme.Bank", "ab", 10);
        int baSite = script.site("com.acme.Bank", "ba", 20);
        int first = script.thread("w1", main, startSite);
        int second = script.thread("w2", main, startSite);
        int third = script.thread("w3", main, startSite);
        int fourth = script.thread("w4", main, startSite);

        script.testStart(main, CLASS).testStart(main, RACY)
                .start(main, first, startSite).start(main, second, startSite)
                .write(first, counter, hits, hitSite)
                .write(second, counter, hits, hitSite)   // the later access: during racy()
                .join(main, first, startSite).join(main, second, startSite)
                .testEnd(main, RACY)
                .testStart(main, LOCKS)
                .start(main, third, startSite).start(main, fourth, startSite)
                .lock(fourth, a, abSite).lock(fourth, b, abSite).unlock(fourth, b, abSite).unlock(fourth, a, abSite)
                .testEnd(main, LOCKS)   // a test that leaves its threads running
                .testStart(main, CLEAN)
                .lock(third, b, baSite).lock(third, a, baSite)  // closes the cycle: during clean()
                .unlock(third, a, baSite).unlock(third, b, baSite)
                .join(main, third, startSite).join(main, fourth, startSite)
                .testEnd(main, CLEAN).testEnd(main, CLASS);

        AnalysisResult result = script.analyze();
        Finding race = TraceScript.ofType(result, FindingType.DATA_RACE).get(0);
        assertEquals(test(RACY, "racy"), race.test());
        assertEquals("com.acme.ATest.racy", race.test().name());
        assertEquals(test(CLEAN, "clean"), TraceScript.ofType(result, FindingType.DEADLOCK).get(0).test());
    }

    @Test
    void aRaceOutsideEveryTestBelongsToNone() {
        int hits = script.field("com.acme.Counter", "hits", "I");
        int site = script.site("com.acme.Counter", "hit", 8);
        long counter = script.object("com.acme.Counter");
        int first = script.thread("w1", main, site);
        int second = script.thread("w2", main, site);
        script.testStart(main, CLASS).testStart(main, CLEAN).testEnd(main, CLEAN).testEnd(main, CLASS)
                .start(main, first, site).start(main, second, site)
                .write(first, counter, hits, site).write(second, counter, hits, site);
        assertNull(TraceScript.ofType(script.analyze(), FindingType.DATA_RACE).get(0).test());
    }

    @Test
    void anObservedDeadlockBelongsToTheTestStillRunningWhenTheJvmEnded() {
        int worker = script.thread("w1", main, -1);
        script.testStart(main, CLASS).testStart(main, LOCKS).start(main, worker, -1)
                .observedDeadlock(new ObservedDeadlock(1, List.of(
                        new ObservedDeadlock.BlockedThread(main, "main", 1, "java.lang.Object", "w1", List.of()),
                        new ObservedDeadlock.BlockedThread(worker, "w1", 2, "java.lang.Object", "main", List.of()))));
        assertEquals(test(LOCKS, "locks"),
                TraceScript.ofType(script.analyze(), FindingType.OBSERVED_DEADLOCK).get(0).test());
    }
}
