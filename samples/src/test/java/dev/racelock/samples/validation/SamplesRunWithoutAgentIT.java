package dev.racelock.samples.validation;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every sample is a working program: run plainly in a child JVM, it ends by itself with exit code
 * 0. The one sample that deadlocks for real is left out: only the agent's watchdog ends it.
 */
class SamplesRunWithoutAgentIT {

    /** Generous: the samples take well under a second; the limit only catches a hang. */
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TestFactory
    Stream<DynamicTest> everySampleEndsByItselfWithExitCodeZero() {
        BuildLayout layout = BuildLayout.fromSystemProperties();
        return SampleCatalogue.load(layout.sourceRoots()).stream()
                .filter(sample -> !sample.deadlocksForReal())
                .map(sample -> dynamicTest(sample.displayName(), () -> runsCleanly(layout, sample)));
    }

    private static void runsCleanly(BuildLayout layout, SampleSource sample) throws Exception {
        Path out = layout.workDir().resolve("plain").resolve(sample.displayName().replace('/', '.') + ".txt");
        ChildJvm.Run run = ChildJvm.run(ChildJvm.sampleCommand(layout, sample.className()), out, LIMIT);
        assertFalse(run.timedOut(), () -> sample.className() + " did not end within " + LIMIT.toSeconds() + " s:\n" + run.output());
        assertEquals(0, run.exitCode(), () -> sample.className() + " failed:\n" + run.output());
    }
}
