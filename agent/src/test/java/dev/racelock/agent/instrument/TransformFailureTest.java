package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.TraceOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformFailureTest {

    @Test
    void leavesAClassItCannotInstrumentAsItWasWithOneWarning() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClassTransformer transformer = new ClassTransformer(new InstrumentOptions(true, true),
                new Dictionary(TraceOutput.NONE), new ClassHierarchy(), CallSiteHooks.core(),
                new ClassFilter(java.util.List.of("**"), java.util.List.of()));
        RacelockTransformer agent = new RacelockTransformer(transformer, null, null,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 0};
        assertNull(agent.transform(null, getClass().getClassLoader(), "com/acme/Broken", null, null, garbage));
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("racelock: cannot instrument com.acme.Broken ("), warning);
        assertEquals(1, warning.lines().count());
    }

    @Test
    void leavesJdkAndAgentClassesAlone() {
        ClassTransformer transformer = new ClassTransformer(new InstrumentOptions(true, true),
                new Dictionary(TraceOutput.NONE), new ClassHierarchy(), CallSiteHooks.core(),
                new ClassFilter(java.util.List.of("**"), java.util.List.of()));
        RacelockTransformer agent = new RacelockTransformer(transformer, null, null, System.err);
        assertNull(agent.transform(null, null, "java/util/ArrayList", null, null, new byte[0]));
        assertNull(agent.transform(null, null, "dev/racelock/agent/runtime/Rt", null, null, new byte[0]));
    }
}
