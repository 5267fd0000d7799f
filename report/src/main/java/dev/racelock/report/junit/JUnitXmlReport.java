package dev.racelock.report.junit;

import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.TestRef;
import dev.racelock.report.text.TextReport;
import dev.racelock.report.view.FindingView;
import dev.racelock.report.view.MarkupText;
import dev.racelock.report.view.ReportRun;
import dev.racelock.report.view.ReportVisitor;

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
 * so a CI test tab shows racelock ran. A finding that happened during a test is that test's case
 * (its class and display name), so the dashboard names the failing test; others are named by
 * their title.
 */
public final class JUnitXmlReport implements ReportVisitor {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Writer out;
    private final Clock clock;
    /** CI servers merge test cases with equal names; repeated titles are numbered instead. */
    private final Map<String, Integer> namesSeen = new HashMap<>();
    private ReportRun run;

    public JUnitXmlReport(Writer out) {
        this(out, Clock.systemUTC());
    }

    /** @param clock gives the suite's timestamp (UTC, no zone, as the schema's pattern requires) */
    public JUnitXmlReport(Writer out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void visitRun(ReportRun run) throws IOException {
        this.run = run;
        int failures = run.result().findings().size();
        int tests = Math.max(1, failures);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"racelock\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"")
                .append(LocalDateTime.now(clock).format(TIMESTAMP)).append("\" hostname=\"localhost\">\n");
        sb.append("  <properties>\n");
        property(sb, "racelock.version", run.toolVersion());
        property(sb, "racelock.traces", String.join(", ", run.result().traces()));
        property(sb, "racelock.events", Long.toString(run.result().events()));
        sb.append("  </properties>\n");
        if (failures == 0) {
            sb.append("  <testcase classname=\"racelock\" name=\"no races or deadlocks\" time=\"0\"/>\n");
        }
        out.write(sb.toString());
    }

    @Override
    public void visitFinding(FindingView f) throws IOException {
        SourceSite primary = f.finding().primarySite();
        TestRef test = f.finding().test();
        boolean inTest = test != null && test.className() != null;
        String classname = inTest ? test.className()
                : primary != null && primary.className() != null ? primary.className() : "racelock";
        String title = inTest ? test.displayName() : f.title();
        int n = namesSeen.merge(title, 1, Integer::sum);
        String name = n == 1 ? title : title + " (" + n + ")";
        StringBuilder sb = new StringBuilder();
        sb.append("  <testcase classname=\"").append(MarkupText.attribute(classname))
                .append("\" name=\"").append(MarkupText.attribute(name)).append("\" time=\"0\">\n");
        sb.append("    <failure message=\"").append(MarkupText.attribute(f.message()))
                .append("\" type=\"").append(MarkupText.attribute(f.finding().type().id())).append("\">")
                .append(MarkupText.text(TextReport.findingText(f)))
                .append("Fingerprint: ").append(MarkupText.text(f.fingerprint())).append('\n')
                .append("</failure>\n");
        sb.append("  </testcase>\n");
        out.write(sb.toString());
    }

    @Override
    public void visitEnd() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("  <system-out>");
        for (String w : run.result().warnings()) {
            sb.append(MarkupText.text("racelock: warning: " + w)).append('\n');
        }
        sb.append(MarkupText.text(run.summary().line())).append('\n');
        sb.append("</system-out>\n");
        sb.append("  <system-err/>\n");
        sb.append("</testsuite>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void property(StringBuilder sb, String name, String value) {
        sb.append("    <property name=\"").append(MarkupText.attribute(name)).append("\" value=\"")
                .append(MarkupText.attribute(value)).append("\"/>\n");
    }
}
