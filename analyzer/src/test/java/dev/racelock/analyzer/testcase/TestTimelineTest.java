package dev.racelock.analyzer.testcase;

import dev.racelock.trace.TestCaseInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestTimelineTest {

    static final int CLASS = 0;
    static final int FIRST = 1;
    static final int SECOND = 2;
    static final int RUNNER = 0;
    static final int WORKER = 1;
    static final int POOL = 2;

    final TestTimeline timeline = new TestTimeline();

    @BeforeEach
    void suite() {
        timeline.define(new TestCaseInfo(CLASS, "u/c", "com.acme.ATest", null, "ATest"));
        timeline.define(new TestCaseInfo(FIRST, "u/c/m1", "com.acme.ATest", "first", "first()"));
        timeline.define(new TestCaseInfo(SECOND, "u/c/m2", "com.acme.ATest", "second", "second()"));
    }

    @Test
    void aTraceWithoutMarkersHasNoTest() {
        TestTimeline empty = new TestTimeline();
        assertFalse(empty.hasTests());
        assertEquals(TestTimeline.NONE, empty.current(RUNNER));
        assertNull(empty.test(TestTimeline.NONE));
        assertTrue(timeline.hasTests());
    }

    @Test
    void theRunnerIsInItsInnermostTest() {
        timeline.testStart(RUNNER, CLASS);
        assertEquals(CLASS, timeline.current(RUNNER), "@BeforeAll runs in the class container");
        timeline.testStart(RUNNER, FIRST);
        assertEquals(FIRST, timeline.current(RUNNER));
        timeline.testEnd(RUNNER, FIRST);
        assertEquals(CLASS, timeline.current(RUNNER));
        timeline.testEnd(RUNNER, CLASS);
        assertEquals(TestTimeline.NONE, timeline.current(RUNNER));
        assertEquals("first", timeline.test(FIRST).methodName());
    }

    @Test
    void aThreadStartedDuringATestBelongsToItWhileItRuns() {
        timeline.testStart(RUNNER, FIRST);
        timeline.threadStart(RUNNER, WORKER);
        timeline.testStart(POOL, SECOND); // another test, started later on another runner thread
        assertEquals(FIRST, timeline.current(WORKER), "its parent's test, not the latest one");
        timeline.testEnd(RUNNER, FIRST);
        assertEquals(SECOND, timeline.current(WORKER), "once its test ended: the test running now");
    }

    @Test
    void aThreadNoTestStartedIsInTheLatestRunningTest() {
        timeline.testStart(RUNNER, CLASS);
        timeline.testStart(RUNNER, FIRST);
        assertEquals(FIRST, timeline.current(POOL));
        timeline.testEnd(RUNNER, FIRST);
        timeline.testStart(RUNNER, SECOND);
        assertEquals(SECOND, timeline.current(POOL));
        timeline.testEnd(RUNNER, SECOND);
        timeline.testEnd(RUNNER, CLASS);
        assertEquals(TestTimeline.NONE, timeline.current(POOL), "between test classes: no test");
    }

    @Test
    void threadsStartedOutsideTestsInheritNothing() {
        timeline.threadStart(RUNNER, WORKER);
        timeline.testStart(RUNNER, FIRST);
        assertEquals(FIRST, timeline.current(WORKER), "the running test, as for any other thread");
        timeline.threadStart(WORKER, 1000);
        timeline.testEnd(RUNNER, FIRST);
        assertEquals(TestTimeline.NONE, timeline.current(1000));
    }

    @Test
    void anEndOutOfOrderRemovesThatTestOnly() {
        timeline.testStart(RUNNER, CLASS);
        timeline.testStart(RUNNER, FIRST);
        timeline.testEnd(RUNNER, CLASS);
        assertEquals(FIRST, timeline.current(RUNNER));
        timeline.testEnd(WORKER, FIRST); // ended on another thread than it started on
        assertEquals(TestTimeline.NONE, timeline.current(RUNNER));
        assertEquals(TestTimeline.NONE, timeline.current(POOL));
    }
}
