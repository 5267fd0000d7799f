package dev.racelock.report;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.report.html.HtmlReport;
import dev.racelock.report.json.JsonReport;
import dev.racelock.report.junit.JUnitXmlReport;
import dev.racelock.report.sarif.SarifReport;
import dev.racelock.report.text.TextReport;
import dev.racelock.report.view.FindingView;
import dev.racelock.report.view.ReportRun;
import dev.racelock.report.view.ReportVisitor;
import dev.racelock.report.view.ResultSummary;
import dev.racelock.report.view.SourceLocator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders one analysis result in one format: the single entry point the CLI and Maven plugin use.
 * Each format is a {@link ReportVisitor}; this walks the result once through it.
 */
public final class Reports {

    private Reports() {}

    /** Writes the report and flushes {@code out}; the caller closes it. */
    public static void render(AnalysisResult result, ReportFormat format, ReportOptions options, Writer out)
            throws IOException {
        walk(result, options, visitor(format, out));
        out.flush();
    }

    /** The format's visitor, writing to {@code out}. Adding a format adds one line here. */
    public static ReportVisitor visitor(ReportFormat format, Writer out) {
        return switch (format) {
            case TEXT -> new TextReport(out);
            case JSON -> new JsonReport(out);
            case SARIF -> new SarifReport(out);
            case JUNIT -> new JUnitXmlReport(out);
            case HTML -> new HtmlReport(out);
        };
    }

    /** Tells {@code visitor} the run, each finding worded once, then the end. */
    public static void walk(AnalysisResult result, ReportOptions options, ReportVisitor visitor) throws IOException {
        List<Path> roots = options.sourceRoots().isEmpty() ? ReportOptions.MAVEN_SOURCE_ROOTS
                : options.sourceRoots();
        visitor.visitRun(new ReportRun(result, new ResultSummary(result), options.toolVersion(), options.color(),
                new SourceLocator(options.projectRoot(), roots)));
        List<Finding> findings = result.findings();
        for (int i = 0; i < findings.size(); i++) {
            visitor.visitFinding(FindingView.of(findings.get(i), i + 1));
        }
        visitor.visitEnd();
    }
}
