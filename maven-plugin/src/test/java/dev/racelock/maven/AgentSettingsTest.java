package dev.racelock.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentSettingsTest {

    static final Path DIR = Path.of("/p/target/racelock");

    @Test
    void optionsNameOneTracePerJvmAndEveryChoice() {
        AgentSettings settings = new AgentSettings(DIR, List.of("com.acme.**", "org.x.*"), List.of("com.acme.gen.**"),
                "locks", "off", "report");
        assertEquals("output=/p/target/racelock/racelock-%p.rlt,include=com.acme.**:org.x.*,exclude=com.acme.gen.**,"
                + "mode=locks,stacks=off,deadlock=report,quiet=true", settings.options());
    }

    @Test
    void noExcludesNoExcludeOption() {
        assertEquals("output=/p/target/racelock/racelock-%p.rlt,include=a.**,mode=full,stacks=on,deadlock=exit,quiet=true",
                new AgentSettings(DIR, List.of("a.**"), List.of(), "full", "on", "exit").options());
    }

    @Test
    void aBadValueNamesTheParameterAndWhatItAccepts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AgentSettings(DIR, List.of(), List.of(), "fast", "on", "exit"));
        assertEquals("racelock parameter mode is 'fast'; accepted: full, locks", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new AgentSettings(DIR, List.of("com.acme.**,org.**"), List.of(), "full", "on", "exit"));
        assertEquals("racelock parameter includes has 'com.acme.**,org.**'; a class glob such as com.acme.** has no"
                + " spaces, commas, colons or equals signs", e.getMessage());
    }

    @Test
    void aCommaInTheTraceDirectoryIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new AgentSettings(Path.of("/a,b"), List.of(), List.of(), "full", "on", "exit"));
    }
}
