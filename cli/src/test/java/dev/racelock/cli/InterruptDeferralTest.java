package dev.racelock.cli;

import dev.racelock.cli.fixture.WaitForStopFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-C during {@code run} ends the target, not racelock: the run is still analyzed and reported. */
class InterruptDeferralTest {

    @TempDir
    Path dir;

    @Test
    void racelockSurvivesSigintWhileTheTargetRunsAndReportsAfterIt() throws Exception {
        Path running = dir.resolve("running");
        Path stop = dir.resolve("stop");
        Path err = dir.resolve("racelock.err");
        List<String> command = new ArrayList<>(List.of(TestPrograms.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), CannedRacelock.class.getName(),
                TestPrograms.fakeAgentJar(dir).toString(), "run", "--"));
        command.addAll(TestPrograms.java(WaitForStopFile.class, running.toString(), stop.toString()));
        Process racelock = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(err.toFile()).start();
        try {
            while (!Files.exists(running)) {
                assertTrue(racelock.isAlive(), () -> "racelock ended early: " + read(err));
                Thread.sleep(20);
            }
            // The target is running, so racelock ignores SIGINT; the kernel discards it at once.
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(racelock.pid())).start();
            assertEquals(0, kill.waitFor());
            Files.createFile(stop);

            assertTrue(racelock.waitFor(60, TimeUnit.SECONDS), "racelock ends after its target");
            assertEquals(ExitCodes.TARGET_FAILED, racelock.exitValue(), "the target's own exit code 3: " + read(err));
            assertTrue(read(err).contains("racelock: target exited with code 3"), read(err));
        } finally {
            racelock.descendants().forEach(ProcessHandle::destroyForcibly);
            racelock.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
