package dev.racelock.cli;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFiles;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code analyze} on real trace files through the trace module's reader. */
class DamagedTraceTest {

    @TempDir
    Path dir;

    /** Reads every trace with the real reader; each reader's problem becomes a warning, as the analyzer does. */
    private final CliHarness cli = new CliHarness().analyzingWith((traces, progress) -> {
        List<String> warnings = new ArrayList<>();
        long events = 0;
        for (Path trace : traces) {
            TraceEnd end = TraceFiles.read(trace, new EventVisitor() { }, progress);
            events += end.events();
            if (!end.complete()) {
                warnings.add(end.problem());
            }
        }
        return new AnalysisResult(traces.stream().map(Path::toString).toList(), List.of(), events, warnings);
    });

    private Path writeTrace(String name) throws IOException {
        Path file = dir.resolve(name);
        TraceHeader header = new TraceHeader(1, 42, 0L, "17", "Main", "output=t.rlt", true, true);
        try (TraceWriter writer = TraceWriter.open(file, header, 60_000)) {
            writer.defineThread(new ThreadInfo(0, "main", -1, -1, false));
            ThreadEventBuffer main = writer.newThreadBuffer(0);
            main.threadBegin();
            for (int i = 0; i < 2_000; i++) {
                main.write(1, 2, 3);
                main.lockAcquire(7, 3, 0);
                main.lockRelease(7, 3, 0);
            }
            main.threadEnd();
        }
        return file;
    }

    @Test
    void readableTraceIsAnalyzed() throws Exception {
        Path trace = writeTrace("good.rlt");
        CliHarness.Outcome o = cli.run("analyze", trace.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
    }

    @Test
    void garbageFileExitsThreeInOneLineWithoutStackTrace() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.rlt"), "this is not a trace\u0000\u0001".getBytes());
        CliHarness.Outcome o = cli.run("analyze", garbage.toString());
        assertEquals(ExitCodes.TRACE_UNREADABLE, o.exitCode());
        assertTrue(o.err().startsWith("racelock: " + garbage), o.err());
        assertEquals(1, o.err().lines().count(), "one line, no stack trace: " + o.err());
    }

    @Test
    void emptyFileExitsThree() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.rlt"));
        CliHarness.Outcome o = cli.run("analyze", empty.toString());
        assertEquals(ExitCodes.TRACE_UNREADABLE, o.exitCode());
        assertEquals("racelock: " + empty + ": empty file, not a racelock trace\n", o.err());
    }

    @Test
    void truncatedTraceIsAnalyzedUpToTheDamageWithAWarning() throws Exception {
        Path trace = writeTrace("whole.rlt");
        byte[] bytes = Files.readAllBytes(trace);
        Path truncated = Files.write(dir.resolve("truncated.rlt"), Arrays.copyOf(bytes, bytes.length - 5));
        CliHarness.Outcome o = cli.run("analyze", truncated.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        assertTrue(o.out().contains("[text] warning: "), "the reader's problem reaches the report: " + o.out());
    }
}
