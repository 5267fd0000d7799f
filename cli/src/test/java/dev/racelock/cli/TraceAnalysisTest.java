package dev.racelock.cli;

import dev.racelock.report.Reports;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code analyze} of real trace files through the real analyzer and renderers. */
class TraceAnalysisTest {

    @TempDir
    Path dir;

    private final CliServices services = Services.withRenderer(
            Services.withAnalysis(new CliHarness().services(), AnalysisService.analyzer()), Reports::render);

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

    private Path std(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void raceInAnStdTraceExitsOne() throws Exception {
        Path trace = std("race.std", "T0|fork(T1)|1", "T0|w(V0)|2", "T1|w(V0)|3", "T0|join(T1)|4");
        CliHarness.Outcome o = CliHarness.run(services, "analyze", trace.toString());
        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertTrue(o.out().contains("DATA RACE on std.V0"), o.out());
    }

    @Test
    void orderedAccessesExitZero() throws Exception {
        Path trace = std("ordered.std", "T0|w(V0)|1", "T0|fork(T1)|2", "T1|w(V0)|3", "T0|join(T1)|4",
                "T0|r(V0)|5");
        assertEquals(ExitCodes.CLEAN, CliHarness.run(services, "analyze", trace.toString()).exitCode());
    }

    @Test
    void raceHiddenBehindLockOrderIsReportedOnlyWithPredictiveAnalysis() throws Exception {
        Path trace = std("hidden.std", "T0|fork(T1)|1", "T0|w(V0)|2", "T0|acq(L0)|3", "T0|w(V1)|4",
                "T0|rel(L0)|5", "T1|acq(L0)|6", "T1|w(V2)|7", "T1|rel(L0)|8", "T1|r(V0)|9");
        assertEquals(ExitCodes.CLEAN, CliHarness.run(services, "analyze", trace.toString()).exitCode());
        CliHarness.Outcome predicted = CliHarness.run(services, "analyze", "--analysis", "predictive",
                trace.toString());
        assertEquals(ExitCodes.FINDINGS, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().contains("PREDICTED DATA RACE on std.V0"), predicted.out());
    }

    @Test
    void unknownAnalysisIsAUsageError() throws Exception {
        Path trace = std("any.std", "T0|w(V0)|1");
        CliHarness.Outcome o = CliHarness.run(services, "analyze", "--analysis", "psychic", trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().contains("unknown analysis 'psychic' (expected hb or predictive)"), o.err());
    }

    @Test
    void lockOrderInversionFailsUnlessFailOnLeavesDeadlocksOut() throws Exception {
        Path trace = std("inversion.std", "T0|fork(T1)|1", "T0|fork(T2)|2",
                "T1|acq(L0)|10", "T1|acq(L1)|11", "T1|rel(L1)|12", "T1|rel(L0)|13",
                "T2|acq(L1)|20", "T2|acq(L0)|21", "T2|rel(L0)|22", "T2|rel(L1)|23",
                "T0|join(T1)|3", "T0|join(T2)|4");
        CliHarness.Outcome all = CliHarness.run(services, "analyze", trace.toString());
        assertEquals(ExitCodes.FINDINGS, all.exitCode(), all.out());
        assertTrue(all.out().contains("DEADLOCK"), all.out());
        assertEquals(ExitCodes.CLEAN, CliHarness.run(services, "analyze", "--fail-on", "race", trace.toString())
                .exitCode());
    }

    @Test
    void readableTraceIsAnalyzed() throws Exception {
        Path trace = writeTrace("good.rlt");
        CliHarness.Outcome o = CliHarness.run(services, "analyze", trace.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
    }

    @Test
    void garbageFileExitsThreeInOneLineWithoutStackTrace() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.rlt"), "this is not a trace\u0000\u0001".getBytes());
        CliHarness.Outcome o = CliHarness.run(services, "analyze", garbage.toString());
        assertEquals(ExitCodes.TRACE_UNREADABLE, o.exitCode());
        assertTrue(o.err().startsWith("racelock: " + garbage), o.err());
        assertEquals(1, o.err().lines().count(), "one line, no stack trace: " + o.err());
    }

    @Test
    void emptyFileExitsThree() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.rlt"));
        CliHarness.Outcome o = CliHarness.run(services, "analyze", empty.toString());
        assertEquals(ExitCodes.TRACE_UNREADABLE, o.exitCode());
        assertEquals("racelock: " + empty + ": empty file, not a racelock trace\n", o.err());
    }

    @Test
    void truncatedTraceIsAnalyzedUpToTheDamageWithAWarning() throws Exception {
        Path trace = writeTrace("whole.rlt");
        byte[] bytes = Files.readAllBytes(trace);
        Path truncated = Files.write(dir.resolve("truncated.rlt"), Arrays.copyOf(bytes, bytes.length - 5));
        CliHarness.Outcome o = CliHarness.run(services, "analyze", truncated.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        assertTrue(o.out().contains("racelock: warning: "), "the reader's problem reaches the report: " + o.out());
    }
}
