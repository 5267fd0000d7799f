package dev.racelock.junit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttachSettingsTest {

    @Test
    void byDefaultTheTestClassesPackageIsRecordedIntoTargetRacelock() {
        AttachSettings s = AttachSettings.from(name -> Optional.empty(), "com.acme.pool.PoolTest");
        assertEquals("com.acme.pool.**", s.include());
        assertEquals("output=" + Path.of("target/racelock").toAbsolutePath().resolve("racelock-%p.rlt")
                + ",deadlock=exit,mode=full,stacks=on,include=com.acme.pool.**,quiet=true", s.agentOptions());
    }

    @Test
    void configurationParametersChooseIncludeDirectoryAndDeadlock() {
        Map<String, String> p = Map.of("racelock.include", "com.acme.**:org.other.*",
                "racelock.traceDirectory", "/tmp/traces", "racelock.deadlock", "report");
        AttachSettings s = AttachSettings.from(name -> Optional.ofNullable(p.get(name)), "com.acme.ATest");
        assertEquals("output=/tmp/traces/racelock-%p.rlt,deadlock=report,mode=full,stacks=on,"
                + "include=com.acme.**:org.other.*,quiet=true", s.agentOptions());
    }

    @Test
    void theDefaultPackageAndNoClass() {
        assertEquals("*", AttachSettings.packageGlob("PoolTest"));
        assertEquals("**", AttachSettings.packageGlob(null));
    }
}
