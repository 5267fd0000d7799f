package dev.racelock.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests and containers running now, as the listener saw them start, with the agent's id of
 * each once its start is recorded. Kept even while no agent runs, so that when the extension
 * attaches one mid-run the starts already past can still be recorded (on their own thread).
 */
final class RunningTests {

    /** A running test; {@code id} is {@link AgentBridge#NOT_RECORDED} until its start is recorded. */
    static final class Running {
        final String uniqueId;
        final String className;
        final String methodName;
        final String displayName;
        final Thread thread;
        int id = AgentBridge.NOT_RECORDED;

        Running(String uniqueId, String className, String methodName, String displayName, Thread thread) {
            this.uniqueId = uniqueId;
            this.className = className;
            this.methodName = methodName;
            this.displayName = displayName;
            this.thread = thread;
        }

        void recordStart() {
            id = AgentBridge.testStarted(uniqueId, className, methodName, displayName);
        }
    }

    private static final Map<String, Running> RUNNING = new LinkedHashMap<>();

    private RunningTests() {}

    static synchronized void started(Running test) {
        RUNNING.put(test.uniqueId, test);
        test.recordStart();
    }

    /** The test's recorded id, or {@link AgentBridge#NOT_RECORDED}; it is no longer running. */
    static synchronized int finished(String uniqueId) {
        Running test = RUNNING.remove(uniqueId);
        return test == null ? AgentBridge.NOT_RECORDED : test.id;
    }

    /** Records the starts not recorded yet of the tests the calling thread is running, outermost first. */
    static synchronized void recordStartsOfThisThread() {
        List<Running> unrecorded = new ArrayList<>();
        for (Running test : RUNNING.values()) {
            if (test.thread == Thread.currentThread() && test.id == AgentBridge.NOT_RECORDED) {
                unrecorded.add(test);
            }
        }
        unrecorded.forEach(Running::recordStart);
    }
}
