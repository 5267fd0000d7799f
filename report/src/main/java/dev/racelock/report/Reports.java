package dev.racelock.report;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.html.HtmlReport;
import dev.racelock.report.json.JsonReport;
import dev.racelock.report.junit.JUnitXmlReport;
import dev.racelock.report.sarif.SarifReport;
import dev.racelock.report.text.TextReport;

import java.io.IOException;
import java.io.Writer;

/** Renders one analysis result in one format: the single entry point the CLI and Maven plugin use. */
public final class Reports {

    private Reports() {}

    /** Writes the report and flushes {@code out}; the caller closes it. */
    public static void render(AnalysisResult result, ReportFormat format, ReportOptions options, Writer out)
            throws IOException {
        renderer(format).render(result, options, out);
        out.flush();
    }

    public static ReportRenderer renderer(ReportFormat format) {
        return switch (format) {
            case TEXT -> new TextReport();
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport();
            case JUNIT -> new JUnitXmlReport();
            case HTML -> new HtmlReport();
        };
    }
}
