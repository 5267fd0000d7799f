package dev.racelock.report.text;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.report.FindingFacts;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.ReportRenderer;
import dev.racelock.report.ResultSummary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The terminal report, modelled on Go's race detector: a separator line, the headline, each
 * access (or each acquisition of a lock cycle) with its thread and stack, where the threads were
 * created, why it can happen, and a one-line summary at the end.
 */
public final class TextReport implements ReportRenderer {

    static final String SEPARATOR = "==================";

    @Override
    public void render(AnalysisResult result, ReportOptions options, Writer out) throws IOException {
        Ansi ansi = new Ansi(options.color());
        StringBuilder sb = new StringBuilder();
        for (Finding f : result.findings()) {
            sb.append(ansi.dim(SEPARATOR)).append('\n');
            appendFinding(sb, f, ansi);
        }
        if (!result.findings().isEmpty()) {
            sb.append(ansi.dim(SEPARATOR)).append('\n');
        }
        for (String w : result.warnings()) {
            sb.append(ansi.warning("racelock: warning: " + w)).append('\n');
        }
        ResultSummary summary = new ResultSummary(result);
        sb.append(summary.total() == 0 ? ansi.clean(summary.line()) : ansi.bad(summary.line())).append('\n');
        out.write(sb.toString());
        out.flush();
    }

    /** One finding without separators or colour: the body of a JUnit failure, for instance. */
    public static String findingText(Finding finding) {
        StringBuilder sb = new StringBuilder();
        appendFinding(sb, finding, new Ansi(false));
        return sb.toString();
    }

    private static void appendFinding(StringBuilder sb, Finding f, Ansi ansi) {
        String headline = FindingFacts.title(f);
        String classification = FindingFacts.classificationWords(f.classification());
        if (classification != null) {
            headline += " (" + classification + ")";
        }
        sb.append(ansi.headline(headline)).append('\n');
        if (!f.accesses().isEmpty()) {
            appendAccesses(sb, f, ansi);
        }
        if (!f.cycle().isEmpty()) {
            appendCycle(sb, f, ansi);
        }
        appendThreadOrigins(sb, f, ansi);
        String why = FindingFacts.explanationSentence(f);
        if (why != null) {
            sb.append("  ").append(ansi.why("Why: " + why)).append('\n');
        }
        if (f.occurrences() > 1) {
            sb.append("  Seen ").append(ResultSummary.grouped(f.occurrences())).append(" times.\n");
        }
    }

    private static void appendAccesses(StringBuilder sb, Finding f, Ansi ansi) {
        List<Access> accesses = FindingFacts.accessesLatestFirst(f);
        for (int i = 0; i < accesses.size(); i++) {
            Access a = accesses.get(i);
            String heading = FindingFacts.accessHeading(a, i > 0);
            if (a.location() != null && i == 0 && !FindingFacts.title(f).contains(a.location())) {
                heading += " to " + a.location();
            }
            sb.append("  ").append(ansi.heading(heading + ":")).append('\n');
            appendFrames(sb, FindingFacts.frames(a.stack(), a.site()));
            sb.append("    locks held: ").append(FindingFacts.heldLocks(a.locksHeld())).append('\n');
        }
    }

    private static void appendCycle(StringBuilder sb, Finding f, Ansi ansi) {
        for (LockAcquisition edge : f.cycle()) {
            sb.append("  ").append(ansi.heading(FindingFacts.acquisitionSentence(f.type(), edge))).append('\n');
            appendFrames(sb, FindingFacts.frames(edge.stack(), edge.acquiredAt()));
        }
        sb.append("  Cycle: ").append(FindingFacts.cycleLine(f)).append('\n');
    }

    private static void appendThreadOrigins(StringBuilder sb, Finding f, Ansi ansi) {
        for (ThreadRef t : FindingFacts.threads(f)) {
            if (t.createdAt() != null) {
                sb.append("  ").append(ansi.heading("Thread " + FindingFacts.threadName(t) + " created at:")).append('\n');
                appendFrames(sb, List.of(t.createdAt()));
            }
        }
    }

    private static void appendFrames(StringBuilder sb, List<SourceSite> frames) {
        for (SourceSite s : frames) {
            sb.append("    ").append(FindingFacts.frame(s)).append('\n');
        }
    }
}
