package dev.racelock.analyzer.testcase;

import dev.racelock.analyzer.finding.TestRef;
import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.TestCaseInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which test each thread is running at the current point of the event stream, from the test
 * markers a test listener records (docs/trace-format.md, "Test markers"), so a finding can name
 * the test during which its later access or its cycle's closing acquisition happened.
 *
 * <p>A thread's test is, in this order: the innermost test started on that thread and not yet
 * ended (a test method inside its class's container); else the test its parent was in when it
 * started the thread, while that test runs (a worker a test starts belongs to that test even
 * when tests run in parallel); else the most recently started test still running (pool threads
 * that no test started, such as the common pool's: exact when tests run one at a time, the
 * latest guess when they run in parallel). Outside every test there is none.
 *
 * <p>Memory follows threads and the tests running at once, never the number of events.
 */
public final class TestTimeline {

    /** A thread's test when there is none. */
    public static final int NONE = -1;

    private final Map<Integer, TestCaseInfo> tests = new HashMap<>();
    /** Per thread id, the tests started on it and not ended, innermost last. */
    private final Map<Integer, List<Integer>> ownTests = new HashMap<>();
    /** Per thread id, the test its parent was in when it started it; NONE when none. */
    private int[] inherited = new int[0];
    /** Tests started and not ended, in start order. */
    private final List<Integer> running = new ArrayList<>();

    /** Whether the trace has any test marker at all (a suite run with the listener). */
    public boolean hasTests() {
        return !tests.isEmpty();
    }

    public void define(TestCaseInfo test) {
        tests.put(test.id(), test);
    }

    /** The test with this id, or null (an id without a dictionary entry, in a damaged trace). */
    public TestCaseInfo test(int id) {
        return id == NONE ? null : tests.get(id);
    }

    /** The test with this id as findings name it, or null. */
    public TestRef ref(int id) {
        TestCaseInfo t = test(id);
        return t == null ? null : new TestRef(t.uniqueId(), t.className(), t.methodName(), t.displayName());
    }

    public void testStart(int thread, int test) {
        ownTests.computeIfAbsent(thread, t -> new ArrayList<>(2)).add(test);
        running.add(test);
    }

    /** Ends {@code test}, normally on the thread that started it; on another, wherever it was started. */
    public void testEnd(int thread, int test) {
        Integer boxed = test;
        List<Integer> own = ownTests.get(thread);
        if (own == null || !own.remove(boxed)) {
            ownTests.values().forEach(stack -> stack.remove(boxed));
        }
        ownTests.values().removeIf(List::isEmpty);
        running.remove(boxed);
    }

    /** {@code parent} starts {@code child}: the child belongs to the parent's test while it runs. */
    public void threadStart(int parent, int child) {
        if (child < 0) {
            return;
        }
        int test = current(parent);
        if (child >= inherited.length) {
            if (test == NONE) {
                return;
            }
            int old = inherited.length;
            inherited = ArrayGrowth.toFit(inherited, child);
            Arrays.fill(inherited, old, inherited.length, NONE);
        }
        inherited[child] = test;
    }

    /** The id of the test {@code thread} is in now, or {@link #NONE}. */
    public int current(int thread) {
        if (running.isEmpty()) {
            return NONE; // a trace without markers, or between tests: nothing to look up
        }
        List<Integer> own = ownTests.get(thread);
        if (own != null) {
            return own.get(own.size() - 1);
        }
        if (thread >= 0 && thread < inherited.length && inherited[thread] != NONE
                && running.contains(inherited[thread])) {
            return inherited[thread];
        }
        return running.get(running.size() - 1);
    }
}
