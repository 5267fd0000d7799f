package dev.racelock.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentArgLineTest {

    static final String JACOCO = "-javaagent:/m2/org/jacoco/org.jacoco.agent/0.8.14/org.jacoco.agent-0.8.14-runtime.jar"
            + "=destfile=/p/target/jacoco.exec";

    @Test
    void theArgumentNamesTheJarAndItsOptions() {
        assertEquals("-javaagent:/p/target/racelock/agent/racelock-agent.jar=mode=full,quiet=true",
                AgentArgLine.javaagent(Path.of("/p/target/racelock/agent/racelock-agent.jar"), "mode=full,quiet=true"));
    }

    @Test
    void anArgumentWithASpaceIsQuotedAsSurefireSplitsIt() {
        assertEquals("\"-javaagent:/my projects/racelock-agent.jar=output=/my projects/t.rlt\"",
                AgentArgLine.javaagent(Path.of("/my projects/racelock-agent.jar"), "output=/my projects/t.rlt"));
    }

    @Test
    void aDoubleQuoteCannotBeWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> AgentArgLine.javaagent(Path.of("/a\"b/racelock-agent.jar"), ""));
    }

    @Test
    void anEmptyOrMissingValueBecomesTheArgument() {
        assertEquals("-javaagent:x/racelock-agent.jar", AgentArgLine.prepend("-javaagent:x/racelock-agent.jar", null));
        assertEquals("-javaagent:x/racelock-agent.jar", AgentArgLine.prepend("-javaagent:x/racelock-agent.jar", "  "));
    }

    @Test
    void jacocosAgentStaysBehindOurs() {
        assertEquals("-javaagent:/t/racelock-agent.jar=mode=full " + JACOCO + " -Xmx512m",
                AgentArgLine.prepend("-javaagent:/t/racelock-agent.jar=mode=full", JACOCO + " -Xmx512m"));
    }

    @Test
    void anEarlierRacelockAgentIsReplacedNotRepeated() {
        String earlier = "\"-javaagent:/old dir/racelock-agent.jar=mode=locks\" " + JACOCO
                + " -javaagent:/other/racelock-agent.jar";
        assertEquals("-javaagent:/t/racelock-agent.jar " + JACOCO,
                AgentArgLine.prepend("-javaagent:/t/racelock-agent.jar", earlier));
    }

    @Test
    void splitKeepsQuotedSpacesTogether() {
        assertEquals(List.of("-Da=1", "\"-Db=x y\"", "-Dc"), AgentArgLine.split(" -Da=1  \"-Db=x y\"\t-Dc "));
    }
}
