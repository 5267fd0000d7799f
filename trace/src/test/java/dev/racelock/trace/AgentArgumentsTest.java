package dev.racelock.trace;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent argument syntax, read by the agent and written by the CLI and the build integrations. */
class AgentArgumentsTest {

    @Test
    void defaultsRecordEverythingIntoAPerPidFile() {
        AgentArguments options = AgentArguments.parse(null);
        assertEquals("racelock-%p.rlt", options.output());
        assertEquals(List.of("**"), options.include());
        assertTrue(options.memory());
        assertTrue(options.stacks());
        assertEquals(AgentArguments.Deadlock.REPORT, options.deadlock());
        assertFalse(options.quiet());
        assertTrue(options.filter());
        assertTrue(options.ownership());
    }

    @Test
    void parsesEveryOption() {
        AgentArguments options = AgentArguments.parse(
                "output=t-%p-%t.rlt,include=com.acme.*:org.x.**,exclude=com.acme.Gen*,stacks=off,mode=locks,"
                        + "deadlock=exit,filter=off,ownership=off,quiet=true");
        assertEquals(List.of("com.acme.*", "org.x.**"), options.include());
        assertFalse(options.filter());
        assertFalse(options.ownership());
        assertEquals(List.of("com.acme.Gen*"), options.exclude());
        assertFalse(options.stacks());
        assertFalse(options.memory());
        assertEquals(AgentArguments.Deadlock.EXIT, options.deadlock());
        assertTrue(options.quiet());
        assertEquals("t-42-19700101-000001.rlt", options.outputFile(42, 1000));
    }

    @Test
    void badValueNamesTheOptionAndTheAcceptedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentArguments.parse("mode=fast"));
        assertEquals("bad agent option 'mode=fast': mode accepts full|locks", e.getMessage());
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentArguments.parse("ouput=x.rlt"));
        assertTrue(e.getMessage().startsWith("unknown agent option 'ouput'"), e.getMessage());
    }

    @Test
    void pairWithoutValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AgentArguments.parse("quiet"));
    }

    @Test
    void formatParsesBackToTheSameArguments() {
        AgentArguments a = AgentArguments.parse(
                "output=/tmp/t-%p.rlt,include=com.acme.**:org.x.*,exclude=com.acme.Gen*,stacks=off,mode=locks,"
                        + "deadlock=exit,filter=off,ownership=off,quiet=true");
        assertEquals("output=/tmp/t-%p.rlt,deadlock=exit,mode=locks,stacks=off,include=com.acme.**:org.x.*,"
                + "exclude=com.acme.Gen*,filter=off,ownership=off,quiet=true", a.format());
        assertEquals(a, AgentArguments.parse(a.format()));
        assertEquals(AgentArguments.DEFAULTS, AgentArguments.parse(AgentArguments.DEFAULTS.format()));
    }

    @Test
    void streamSendsTheTraceToALoopbackPortAndTakesOnlyAPortNumber() {
        AgentArguments streamed = AgentArguments.parse("stream=40123");
        assertEquals(40123, streamed.stream());
        assertEquals(0, AgentArguments.DEFAULTS.stream());
        assertEquals(streamed, AgentArguments.parse(streamed.format()));
        assertTrue(streamed.format().endsWith(",stream=40123"), streamed.format());
        for (String bad : List.of("stream=0", "stream=65536", "stream=localhost:80", "stream=")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentArguments.parse(bad));
            assertTrue(e.getMessage().startsWith("bad agent option '" + bad + "': stream needs a port number"),
                    e.getMessage());
        }
    }

    @Test
    void stacksCallsRecordsStacksAsAnEventPerCall() {
        AgentArguments calls = AgentArguments.parse("stacks=calls");
        assertTrue(calls.stacks() && calls.callEvents());
        assertEquals(calls, AgentArguments.parse(calls.format()));
        AgentArguments off = AgentArguments.parse("stacks=calls,stacks=off");
        assertFalse(off.stacks() || off.callEvents());
        assertFalse(AgentArguments.DEFAULTS.callEvents());
    }

    @Test
    void formatRefusesAValueTheSyntaxCannotCarry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentArguments.DEFAULTS.with(a -> a.output = "/tmp/a,b/t.rlt").format());
        assertTrue(e.getMessage().contains("contains a comma"), e.getMessage());
    }
}
