package dev.racelock.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent keeps its own rewriter out of C2 with a compiler directive (AgentJitDirectives): the
 * directive is in force in a recorded JVM, on JDK 17 and 25, and in no other.
 */
class AgentJitDirectivesIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "with the agent: {0}, on JDK 25: {1}")
    @CsvSource({"true, false", "true, true", "false, false"})
    void theRewritersDirectiveIsInForceOnlyUnderTheAgent(boolean agent, boolean jdk25) throws Exception {
        assumeTrue(!jdk25 || Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        ChildJvm jvm = new ChildJvm();
        if (agent) {
            jvm.agent("quiet=true,output=trace.rlt");
        }
        if (jdk25) {
            jvm.java(ChildJvm.JDK25);
        }
        ChildJvm.Result result = jvm.run(dir, "dev.racelock.fixture.JitDirectives", agent ? "30" : "0");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("racelock directive: " + agent, result.stdout().strip(), result.stderr());
    }
}
