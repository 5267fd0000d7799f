package dev.racelock.report;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.report.view.ResultSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {

    private static final ReportOptions OPTIONS = SampleFindings.options(Path.of("."));

    @Test
    void rendersEachFormatThroughTheSingleEntryPoint() {
        AnalysisResult result = SampleFindings.result();
        assertTrue(SampleFindings.render(result, ReportFormat.TEXT, OPTIONS).startsWith("==================\nDATA RACE"));
        assertTrue(SampleFindings.render(result, ReportFormat.JSON, OPTIONS).startsWith("{\n  \"tool\": \"racelock\""));
        assertTrue(SampleFindings.render(result, ReportFormat.SARIF, OPTIONS).contains("\"version\": \"2.1.0\""));
        assertTrue(SampleFindings.render(result, ReportFormat.JUNIT, OPTIONS).startsWith("<?xml"));
        assertTrue(SampleFindings.render(result, ReportFormat.HTML, OPTIONS).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void rendersCyclesOfAnyLengthWithoutBreakingTheDrawing() {
        for (int n = 1; n <= 7; n++) {
            List<LockAcquisition> cycle = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cycle.add(new LockAcquisition(SampleFindings.fieldLock("a.B", "l" + i), new ThreadRef(i, "t" + i, null),
                        SampleFindings.site("a.B", "m", "B.java", i + 1), List.of(),
                        List.of(new HeldLock(SampleFindings.fieldLock("a.B", "l" + ((i + n - 1) % n)), null))));
            }
            Finding f = Finding.cycle(FindingType.DEADLOCK, "fp" + n, cycle, 1);
            AnalysisResult result = new AnalysisResult(List.of(), List.of(f), 0, List.of());
            for (ReportFormat format : ReportFormat.values()) {
                String out = SampleFindings.render(result, format, OPTIONS);
                assertFalse(out.contains("NaN") || out.contains("Infinity"), format + " with " + n + " locks:\n" + out);
            }
            assertTrue(SampleFindings.render(result, ReportFormat.TEXT, OPTIONS)
                    .contains("POTENTIAL DEADLOCK: lock-order cycle of " + n + " locks\n"));
        }
    }

    @Test
    void countsFindingsPerTypeInTheSummaryLine() {
        ResultSummary summary = new ResultSummary(SampleFindings.result());
        assertEquals(1, summary.count(FindingType.DEADLOCK));
        assertEquals("racelock: 1 data race, 1 potential deadlock, 1 observed deadlock (3 findings) in 1 trace,"
                + " 1,234,567 events", summary.line());
        AnalysisResult twoRaces = new AnalysisResult(List.of("a", "b"),
                List.of(SampleFindings.race(), SampleFindings.race()), 1, List.of());
        assertEquals("racelock: 2 data races (2 findings) in 2 traces, 1 event", new ResultSummary(twoRaces).line());
    }
}
