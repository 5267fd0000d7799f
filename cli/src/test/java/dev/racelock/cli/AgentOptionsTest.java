package dev.racelock.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentOptionsTest {

    @Test
    void defaultsRecordEverythingAndEndADeadlockedJvm() {
        String arg = new AgentOptions().javaagentArgument(Path.of("/opt/agent.jar"), Path.of("/tmp/run"), false);
        assertEquals("-javaagent:/opt/agent.jar=output=/tmp/run/racelock-%p.rlt,deadlock=exit,mode=full,stacks=on", arg);
    }

    @Test
    void quietRunKeepsTheAgentQuietToo() {
        String arg = new AgentOptions().javaagentArgument(Path.of("/opt/agent.jar"), Path.of("/tmp/run"), true);
        assertTrue(arg.endsWith(",stacks=on,quiet=true"), arg);
    }

    @Test
    void predictiveAnalysisRecordsEveryAccessAsItHappens() {
        String arg = new AgentOptions().javaagentArgument(Path.of("/opt/agent.jar"), Path.of("/tmp/run"), false, true);
        assertTrue(arg.endsWith(",stacks=on,ownership=off"), arg);
    }

    @Test
    void appendsToExistingJavaToolOptions() {
        assertEquals("-Xmx1g -javaagent:a.jar", TargetLauncher.javaToolOptions(" -Xmx1g ", "-javaagent:a.jar"));
        assertEquals("-javaagent:a.jar", TargetLauncher.javaToolOptions(null, "-javaagent:a.jar"));
        assertEquals("-javaagent:a.jar", TargetLauncher.javaToolOptions("", "-javaagent:a.jar"));
    }

    @Test
    void quotesAnArgumentWithSpaces() {
        assertEquals("\"-javaagent:/my dir/a.jar=output=x\"",
                TargetLauncher.javaToolOptions(null, "-javaagent:/my dir/a.jar=output=x"));
    }

    @Test
    void rejectsAPathTheAgentOptionSyntaxCannotCarry() {
        CommandFailure f = assertThrows(CommandFailure.class,
                () -> new AgentOptions().javaagentArgument(Path.of("/opt/agent.jar"), Path.of("/tmp/a,b"), false));
        assertEquals(ExitCodes.USAGE, f.exitCode());
        assertTrue(f.getMessage().contains("contains a comma"), f.getMessage());
    }
}
