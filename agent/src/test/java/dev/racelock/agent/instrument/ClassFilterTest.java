package dev.racelock.agent.instrument;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFilterTest {

    @Test
    void neverInstrumentsTheJdkOrTheAgentOrRacelockCodeInATestJvm() {
        ClassFilter all = new ClassFilter(List.of("**"), List.of());
        for (String name : List.of("java/lang/String", "javax/swing/JFrame", "jdk/internal/Misc", "sun/misc/Unsafe",
                "com/sun/net/Http", "dev/racelock/agent/runtime/Rt", "dev/racelock/agent/shaded/asm/ClassReader",
                "dev/racelock/trace/format/TraceWriter", "dev/racelock/junit/TestMarkerListener",
                "dev/racelock/analyzer/Analyzer", "dev/racelock/report/Reports")) {
            assertFalse(all.instruments(name), name);
        }
        assertTrue(all.instruments("com/acme/Main"));
        assertTrue(all.instruments("dev/racelock/fixture/Fields"));
    }

    @Test
    void singleStarStaysInOnePackageDoubleStarCrossesPackages() {
        ClassFilter filter = new ClassFilter(List.of("com.acme.*"), List.of("com.acme.Gen*"));
        assertTrue(filter.instruments("com/acme/Main"));
        assertTrue(filter.instruments("com/acme/Main$Inner"));
        assertFalse(filter.instruments("com/acme/sub/Main"));
        assertFalse(filter.instruments("com/acme/Generated"));
        assertTrue(new ClassFilter(List.of("com.acme.**"), List.of()).instruments("com/acme/sub/Main"));
    }
}
