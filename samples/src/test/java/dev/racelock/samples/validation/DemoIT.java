package dev.racelock.samples.validation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code racelock demo} as a newcomer runs it (issue 7): the real racelock.jar, the packaged
 * agent and these samples. It must show a data race and a deadlock, each with file and line,
 * and exit 0 because the findings are the expected outcome.
 */
class DemoIT {

    @Test
    void demoShowsARaceAndADeadlockWithFileAndLineAndExitsZero() throws Exception {
        BuildLayout layout = BuildLayout.fromSystemProperties();
        Path cliJar = Path.of(System.getProperty("racelock.cli.jar", "../cli/target/racelock.jar"));
        assertTrue(Files.isRegularFile(cliJar), "racelock.jar is built before the samples: " + cliJar);
        Files.createDirectories(layout.workDir());
        Path output = layout.workDir().resolve("demo.out");

        Process demo = new ProcessBuilder(BuildLayout.javaLauncher().toString(),
                "-Dracelock.agent=" + layout.agentJar().toAbsolutePath(),
                "-Dracelock.samples=" + layout.classes().toAbsolutePath(),
                "-jar", cliJar.toString(), "demo")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = demo.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            demo.destroyForcibly();
        }
        String out = Files.readString(output);

        assertTrue(ended, "demo did not finish:\n" + out);
        assertEquals(0, demo.exitValue(), out);
        assertFound(out, "DATA RACE on LostUpdate\\.hits");
        assertFound(out, "dev\\.racelock\\.samples\\.race\\.LostUpdate\\.lambda\\$main\\$0\\(LostUpdate\\.java:\\d+\\)");
        assertFound(out, "POTENTIAL DEADLOCK: lock-order cycle of 2 locks");
        assertFound(out, "acquired TwoMonitorsOppositeOrder\\.B at TwoMonitorsOppositeOrder\\.java:\\d+");
        assertFound(out, "DEADLOCK: 2 threads blocked in a cycle");
        assertFound(out, "blocked acquiring RealDeadlock\\.[AB] at RealDeadlock\\.java:\\d+");
        assertFound(out, "To check your own program:");
    }

    private static void assertFound(String out, String regex) {
        assertTrue(Pattern.compile(regex).matcher(out).find(), "no match for " + regex + " in:\n" + out);
    }
}
