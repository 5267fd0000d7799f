package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case: a JVM killed (SIGKILL) while recording leaves a trace that reads up to the damage. */
class KilledWriterTest {

    @TempDir
    Path dir;

    @Test
    void aTraceFromAKilledJvmReadsUpToItsLastWholeChunkAndSaysWhere() throws Exception {
        Path file = dir.resolve("killed.rlt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordingUntilKilled.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("recording", out.readLine());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.size(file) < 2_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(10); // waiting for another process, not ordering threads of this one
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            child.waitFor();
        }

        long[] next = new long[2];
        int[] wrong = new int[1];
        TraceEnd end = TraceReader.read(file, new EventVisitor() {
            @Override
            public void write(int thread, long object, int field, int site) {
                if (object != thread + 1 || field != next[thread]++) {
                    wrong[0]++;
                }
            }
        });

        assertFalse(end.complete());
        assertTrue(end.problem().matches("trace truncated at byte \\d+ \\(chunk \\d+\\); \\d+ events read"), end.problem());
        assertTrue(end.problem().endsWith("; " + end.events() + " events read"));
        assertTrue(end.events() > 100_000, end.toString());
        assertEquals(0, wrong[0], "each thread's events are a prefix of what it recorded");
    }
}
