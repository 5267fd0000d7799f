package dev.racelock.junit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** This test JVM runs without the agent: the listener and the bridge record nothing and fail nothing. */
class WithoutAgentTest {

    @Test
    void theBridgeFindsNoAgentAndRecordsNothing() {
        assertFalse(AgentBridge.agentPresent());
        assertEquals(AgentBridge.NOT_RECORDED, AgentBridge.testStarted("u", "C", "m", "m()"));
        AgentBridge.testFinished(AgentBridge.NOT_RECORDED);
        AgentBridge.flush();
        assertNull(AgentBridge.traceFile());
        assertEquals("", AgentBridge.classesLoadedBeforeAttach());
    }

    @Test
    void runningTestsRememberStartsUntilTheyFinish() {
        RunningTests.started(new RunningTests.Running("[u:1]", "C", "m", "m()", Thread.currentThread()));
        RunningTests.recordStartsOfThisThread(); // no agent: still not recorded
        assertEquals(AgentBridge.NOT_RECORDED, RunningTests.finished("[u:1]"));
        assertEquals(AgentBridge.NOT_RECORDED, RunningTests.finished("[u:1]"), "finished once");
    }
}
