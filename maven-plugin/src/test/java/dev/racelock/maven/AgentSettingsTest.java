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
        assertEquals("output=/p/target/racelock/racelock-%p.rlt,deadlock=report,mode=locks,stacks=off,"
                + "include=com.acme.**:org.x.*,exclude=com.acme.gen.**,quiet=true",
                AgentSettings.arguments(DIR, List.of("com.acme.**", "org.x.*"), List.of("com.acme.gen.**"), "locks",
                        "off", "report").format());
    }

    @Test
    void noExcludesNoExcludeOption() {
        assertEquals("output=/p/target/racelock/racelock-%p.rlt,deadlock=exit,mode=full,stacks=on,include=a.**,"
                + "quiet=true", AgentSettings.arguments(DIR, List.of("a.**"), List.of(), "full", "on", "exit").format());
    }

    @Test
    void aBadValueNamesTheParameterAndWhatItAccepts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentSettings.arguments(DIR, List.of(), List.of(), "fast", "on", "exit"));
        assertEquals("racelock parameter 'mode=fast': mode accepts full|locks", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AgentSettings.arguments(DIR, List.of("com.acme.**,org.**"), List.of(), "full", "on", "exit"));
        assertEquals("racelock parameter includes has 'com.acme.**,org.**'; a class glob such as com.acme.** has no"
                + " spaces, commas, colons or equals signs", e.getMessage());
    }

    @Test
    void aCommaInTheTraceDirectoryIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> AgentSettings.arguments(Path.of("/a,b"), List.of(), List.of(), "full", "on", "exit"));
    }
}
