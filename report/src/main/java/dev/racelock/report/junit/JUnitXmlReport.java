package dev.racelock.report.junit;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.report.FindingWords;
import dev.racelock.report.MarkupText;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.ReportRenderer;
import dev.racelock.report.ResultSummary;
import dev.racelock.report.text.TextReport;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * JUnit XML as CI servers read test results (the Ant / Jenkins {@code JUnit.xsd} shape): one
 * {@code <testsuite name="racelock">}, one failing {@code <testcase>} per finding whose failure
 * holds that finding's text report, and one passing placeholder when there is nothing to report,
 * so a CI test tab shows racelock ran.
 */
public final class JUnitXmlReport implements ReportRenderer {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Clock clock;

    public JUnitXmlReport() {
        this(Clock.systemUTC());
    }

    /** @param clock gives the suite's timestamp (UTC, no zone, as the schema's pattern requires) */
    public JUnitXmlReport(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void render(AnalysisResult result, ReportOptions options, Writer out) throws IOException {
        ResultSummary summary = new ResultSummary(result);
        int failures = result.findings().size();
        int tests = Math.max(1, failures);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"racelock\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"")
                .append(LocalDateTime.now(clock).format(TIMESTAMP)).append("\" hostname=\"localhost\">\n");
        sb.append("  <properties>\n");
        property(sb, "racelock.version", options.toolVersion());
        property(sb, "racelock.traces", String.join(", ", result.traces()));
        property(sb, "racelock.events", Long.toString(result.events()));
        sb.append("  </properties>\n");
        if (result.findings().isEmpty()) {
            sb.append("  <testcase classname=\"racelock\" name=\"no races or deadlocks\" time=\"0\"/>\n");
        }
        Map<String, Integer> namesSeen = new HashMap<>();
        for (Finding f : result.findings()) {
            appendTestCase(sb, f, uniqueName(namesSeen, FindingWords.title(f)));
        }
        sb.append("  <system-out>");
        for (String w : result.warnings()) {
            sb.append(MarkupText.text("racelock: warning: " + w)).append('\n');
        }
        sb.append(MarkupText.text(summary.line())).append('\n');
        sb.append("</system-out>\n");
        sb.append("  <system-err/>\n");
        sb.append("</testsuite>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void appendTestCase(StringBuilder sb, Finding f, String name) {
        SourceSite primary = f.primarySite();
        String classname = primary != null && primary.className() != null ? primary.className() : "racelock";
        String message = FindingWords.message(f);
        sb.append("  <testcase classname=\"").append(MarkupText.attribute(classname))
                .append("\" name=\"").append(MarkupText.attribute(name)).append("\" time=\"0\">\n");
        sb.append("    <failure message=\"").append(MarkupText.attribute(message))
                .append("\" type=\"").append(MarkupText.attribute(f.type().id())).append("\">")
                .append(MarkupText.text(TextReport.findingText(f)))
                .append("Fingerprint: ").append(MarkupText.text(f.fingerprint())).append('\n')
                .append("</failure>\n");
        sb.append("  </testcase>\n");
    }

    /** CI servers merge test cases with equal names; number repeated titles instead. */
    private static String uniqueName(Map<String, Integer> seen, String title) {
        int n = seen.merge(title, 1, Integer::sum);
        return n == 1 ? title : title + " (" + n + ")";
    }

    private static void property(StringBuilder sb, String name, String value) {
        sb.append("    <property name=\"").append(MarkupText.attribute(name)).append("\" value=\"")
                .append(MarkupText.attribute(value)).append("\"/>\n");
    }
}
