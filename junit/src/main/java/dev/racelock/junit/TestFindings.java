package dev.racelock.junit;

import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.Reports;
import dev.racelock.trace.ReadProgress;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The findings of one test, as the text report shows them. Loaded only by
 * {@link IsolatedAnalysis}'s class loader, never by the test class path's (see there why).
 */
public final class TestFindings {

    private TestFindings() {}

    /**
     * Analyzes {@code traceFile} as far as it is written and renders, as text, the findings
     * attributed to the test with {@code uniqueId}; null when there are none.
     */
    public static String report(String traceFile, String uniqueId) {
        try {
            AnalysisResult all = Analyzer.analyze(List.of(Path.of(traceFile)), ReadProgress.NONE);
            List<Finding> mine = all.findings().stream()
                    .filter(f -> f.test() != null && uniqueId.equals(f.test().uniqueId()))
                    .toList();
            if (mine.isEmpty()) {
                return null;
            }
            // The trace of a JVM that is still running reads as cut short: not worth a warning here.
            AnalysisResult result = new AnalysisResult(all.traces(), mine, all.events(), List.of());
            StringWriter text = new StringWriter();
            Reports.render(result, ReportFormat.TEXT, ReportOptions.forProject(Path.of("").toAbsolutePath(), false,
                    TestFindings.class.getPackage().getImplementationVersion()), text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("racelock: cannot analyze " + traceFile, e);
        }
    }
}
