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
    record Running(String uniqueId, String className, String methodName, String displayName, Thread thread,
                   int id) {

        Running(String uniqueId, String className, String methodName, String displayName, Thread thread) {
            this(uniqueId, className, methodName, displayName, thread, AgentBridge.NOT_RECORDED);
        }

        /** This test with the id the agent gives its start now (still NOT_RECORDED while none runs). */
        Running recorded() {
            return new Running(uniqueId, className, methodName, displayName, thread,
                    AgentBridge.testStarted(uniqueId, className, methodName, displayName));
        }
    }

    private static final Map<String, Running> RUNNING = new LinkedHashMap<>();

    private RunningTests() {}

    static synchronized void started(Running test) {
        RUNNING.put(test.uniqueId(), test);
        recordStart(test);
    }

    /** Records the test's start: its entry is replaced by one with the agent's id. */
    private static void recordStart(Running test) {
        RUNNING.put(test.uniqueId(), test.recorded());
    }

    /** The test's recorded id, or {@link AgentBridge#NOT_RECORDED}; it is no longer running. */
    static synchronized int finished(String uniqueId) {
        Running test = RUNNING.remove(uniqueId);
        return test == null ? AgentBridge.NOT_RECORDED : test.id();
    }

    /** Records the starts not recorded yet of the tests the calling thread is running, outermost first. */
    static synchronized void recordStartsOfThisThread() {
        List<Running> unrecorded = new ArrayList<>();
        for (Running test : RUNNING.values()) {
            if (test.thread() == Thread.currentThread() && test.id() == AgentBridge.NOT_RECORDED) {
                unrecorded.add(test);
            }
        }
        unrecorded.forEach(RunningTests::recordStart);
    }
}
