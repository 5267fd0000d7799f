package dev.racelock.maven;

import dev.racelock.report.ReportFormat;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.gate.Baseline;
import dev.racelock.report.gate.FindingGate;
import dev.racelock.report.gate.Suppressions;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildReportTest {

    static final FindingGate FAIL_ON_ALL = new FindingGate(Baseline.EMPTY, Suppressions.NONE,
            EnumSet.allOf(FindingType.Category.class));

    @TempDir
    Path dir;

    @Test
    void everyFormatIsWrittenAndTheRaceFails() throws IOException {
        Path traces = Files.createDirectories(dir.resolve("racelock"));
        RacyTrace.write(traces.resolve("racelock-42.rlt"));
        Files.writeString(traces.resolve("notes.txt"), "not a trace");
        List<Path> found = BuildTraces.in(List.of(traces, dir.resolve("missing")));
        assertEquals(List.of(traces.resolve("racelock-42.rlt")), found);

        BuildReport.Outcome outcome = BuildReport.write(found, FAIL_ON_ALL, traces,
                ReportOptions.forProject(dir, false, "test"), ReadProgress.NONE);

        assertEquals(1, outcome.verdict().failing().size());
        assertEquals("DATA RACE on Counter.hits at com.acme.Counter.hit(Counter.java:8) [data-race "
                + outcome.verdict().failing().get(0).fingerprint() + "]",
                FindingLines.describe(outcome.verdict().failing().get(0)));
        assertEquals("1 finding in 1 trace (10 events); 1 fails the build",
                Summary.describe(outcome, Summary.Consequence.FAIL_THE_BUILD));
        assertEquals("1 finding in 1 trace (10 events); 1 accepted into the new baseline",
                Summary.describe(outcome, Summary.Consequence.ENTER_THE_BASELINE));
        assertEquals("1 finding in 1 trace (10 events); 1 would fail racelock:check",
                Summary.describe(outcome, Summary.Consequence.WOULD_FAIL_CHECK));
        for (ReportFormat format : ReportFormat.values()) {
            Path report = BuildReport.reportFile(traces, format);
            assertTrue(outcome.reports().contains(report), report.toString());
            assertTrue(Files.readString(report).contains("Counter"), report + " names the race");
        }
        assertEquals(traces.resolve("TEST-racelock.xml"), BuildReport.reportFile(traces, ReportFormat.JUNIT));
    }

    @Test
    void theBaselineAcceptsTheRace() throws IOException {
        RacyTrace.write(dir.resolve("t.rlt"));
        BuildReport.Outcome first = BuildReport.write(List.of(dir.resolve("t.rlt")), FAIL_ON_ALL, dir.resolve("a"),
                ReportOptions.forProject(dir, false, "test"), ReadProgress.NONE);
        FindingGate withBaseline = new FindingGate(Baseline.ofFindings(first.verdict().reported()), Suppressions.NONE,
                EnumSet.allOf(FindingType.Category.class));
        BuildReport.Outcome second = BuildReport.write(List.of(dir.resolve("t.rlt")), withBaseline, dir.resolve("b"),
                ReportOptions.forProject(dir, false, "test"), ReadProgress.NONE);
        assertEquals(List.of(), second.verdict().failing());
        assertEquals("1 finding in 1 trace (10 events) [1 in the baseline]; none fails the build",
                Summary.describe(second, Summary.Consequence.FAIL_THE_BUILD));
    }

    @Test
    void aFileThatIsNotATraceIsAFormatError() throws IOException {
        Path bogus = Files.writeString(dir.resolve("racelock-1.rlt"), "\u0089RLT but not really");
        assertThrows(TraceFormatException.class, () -> BuildReport.write(List.of(bogus), FAIL_ON_ALL, dir,
                ReportOptions.forProject(dir, false, "test"), ReadProgress.NONE));
    }
}
