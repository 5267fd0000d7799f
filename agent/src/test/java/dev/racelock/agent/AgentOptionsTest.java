package dev.racelock.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentOptionsTest {

    @Test
    void defaultsRecordEverythingIntoAPerPidFile() {
        AgentOptions options = AgentOptions.parse(null);
        assertEquals("racelock-%p.rlt", options.output());
        assertEquals(List.of("**"), options.include());
        assertTrue(options.memory());
        assertTrue(options.stacks());
        assertEquals(AgentOptions.Deadlock.REPORT, options.deadlock());
        assertFalse(options.quiet());
    }

    @Test
    void parsesEveryOption() {
        AgentOptions options = AgentOptions.parse(
                "output=t-%p-%t.rlt,include=com.acme.*:org.x.**,exclude=com.acme.Gen*,stacks=off,mode=locks,"
                        + "deadlock=exit,quiet=true");
        assertEquals(List.of("com.acme.*", "org.x.**"), options.include());
        assertEquals(List.of("com.acme.Gen*"), options.exclude());
        assertFalse(options.stacks());
        assertFalse(options.memory());
        assertEquals(AgentOptions.Deadlock.EXIT, options.deadlock());
        assertTrue(options.quiet());
        assertEquals("t-42-19700101-000001.rlt", options.outputFile(42, 1000));
    }

    @Test
    void badValueNamesTheOptionAndTheAcceptedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("mode=fast"));
        assertEquals("bad agent option 'mode=fast': mode accepts full|locks", e.getMessage());
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("ouput=x.rlt"));
        assertTrue(e.getMessage().startsWith("unknown agent option 'ouput'"), e.getMessage());
    }

    @Test
    void pairWithoutValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("quiet"));
    }
}
