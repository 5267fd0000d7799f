package dev.racelock.maven;

import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.Reports;
import dev.racelock.report.gate.FindingGate;
import dev.racelock.report.gate.GateVerdict;
import dev.racelock.trace.ReadProgress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What check and report do once the traces exist, with no Maven type in sight: analyze every
 * trace, pass the findings through the gate, and write every report format into one directory.
 */
final class BuildReport {

    /**
     * @param result  every finding of the traces, as the analyzer merged them
     * @param verdict what the gate made of them
     * @param reports the files written
     */
    record Outcome(AnalysisResult result, GateVerdict verdict, List<Path> reports) {}

    private BuildReport() {}

    /** The report file of {@code format} in {@code directory}; JUnit XML under the name CI tools look for. */
    static Path reportFile(Path directory, ReportFormat format) {
        return directory.resolve(format == ReportFormat.JUNIT ? "TEST-racelock.xml" : "racelock" + format.extension());
    }

    /**
     * @throws dev.racelock.trace.TraceFormatException a trace that cannot be read at all
     * @throws IOException a trace or a report that cannot be read or written
     */
    static Outcome write(List<Path> traces, FindingGate gate, Path directory, ReportOptions options,
                         ReadProgress progress) throws IOException {
        AnalysisResult result = Analyzer.analyze(traces, progress);
        GateVerdict verdict = gate.apply(result.findings());
        AnalysisResult shown = shown(result, verdict);
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            Path file = reportFile(directory, format);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                Reports.render(shown, format, options, out);
            }
            written.add(file);
        }
        return new Outcome(result, verdict, written);
    }

    /** The result as reports show it: without suppressed findings, saying how many there were. */
    private static AnalysisResult shown(AnalysisResult result, GateVerdict verdict) {
        List<String> warnings = new ArrayList<>(result.warnings());
        int suppressed = verdict.suppressed().size();
        if (suppressed > 0) {
            warnings.add(suppressed + (suppressed == 1 ? " finding was" : " findings were")
                    + " suppressed (suppressions)");
        }
        return new AnalysisResult(result.traces(), verdict.reported(), result.events(), warnings);
    }
}
