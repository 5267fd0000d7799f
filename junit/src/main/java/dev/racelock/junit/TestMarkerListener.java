package dev.racelock.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Writes a test start marker into the racelock trace when a test or a test class starts and an
 * end marker when it finishes (docs/trace-format.md, "Test markers"), so each finding can name
 * the test during which it happened. Registered through the service loader: having
 * racelock-junit on the test class path is all it takes. The JUnit Platform calls these methods
 * on the thread that runs the test (or the class's set-up), which is the thread the markers
 * belong to.
 *
 * <p>Without the agent in the JVM it records nothing (and remembers what runs, in case the
 * extension attaches the agent later).
 */
public final class TestMarkerListener implements TestExecutionListener {

    @Override
    public void executionStarted(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        String className = null;
        String methodName = null;
        if (source instanceof MethodSource method) {
            className = method.getClassName();
            methodName = method.getMethodName();
        } else if (source instanceof ClassSource type) {
            className = type.getClassName();
        } else if (!test.isTest()) {
            return; // an engine or another container with no class: it runs no code of its own
        }
        RunningTests.started(new RunningTests.Running(test.getUniqueId(), className, methodName,
                test.getDisplayName(), Thread.currentThread()));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        AgentBridge.testFinished(RunningTests.finished(test.getUniqueId()));
    }
}
