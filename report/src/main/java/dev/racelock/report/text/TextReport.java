package dev.racelock.report.text;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.report.FindingWords;
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
        String headline = FindingWords.title(f);
        String classification = FindingWords.classification(f.classification());
        if (classification != null) {
            headline += " (" + classification + ")";
        }
        sb.append(ansi.headline(headline)).append('\n');
        if (f.primaryPair() != null) {
            appendAccesses(sb, f, ansi);
        }
        if (!f.cycle().isEmpty()) {
            appendCycle(sb, f, ansi);
        }
        appendThreadOrigins(sb, f, ansi);
        String why = FindingWords.explanation(f);
        if (why != null) {
            sb.append("  ").append(ansi.why("Why: " + why)).append('\n');
        }
        if (f.occurrences() > 1) {
            sb.append("  Seen ").append(ResultSummary.grouped(f.occurrences())).append(" times.\n");
        }
    }

    private static void appendAccesses(StringBuilder sb, Finding f, Ansi ansi) {
        List<Access> accesses = FindingWords.latestFirst(f.primaryPair());
        for (int i = 0; i < accesses.size(); i++) {
            Access a = accesses.get(i);
            String heading = FindingWords.accessHeading(a, i > 0);
            if (i == 0 && f.location() != null && f.location().isArrayElement()) {
                heading += " to " + FindingWords.accessedLocation(f.location(), a);
            }
            sb.append("  ").append(ansi.heading(heading + ":")).append('\n');
            appendFrames(sb, FindingWords.frames(a.stack(), a.site()));
            sb.append("    locks held: ").append(FindingWords.heldLocks(a.locksHeld())).append('\n');
        }
        List<RacePair> pairs = f.pairs();
        if (pairs.size() > 1) {
            sb.append("  ").append(ansi.heading("Other pairs of accesses to " + FindingWords.location(f.location()) + ":"))
                    .append('\n');
            for (RacePair p : pairs.subList(1, pairs.size())) {
                sb.append("    ").append(FindingWords.accessInBrief(p.later())).append(", previous ")
                        .append(FindingWords.accessInBrief(p.earlier()));
                if (p.occurrences() > 1) {
                    sb.append(" (seen ").append(ResultSummary.grouped(p.occurrences())).append(" times)");
                }
                sb.append('\n');
            }
        }
    }

    private static void appendCycle(StringBuilder sb, Finding f, Ansi ansi) {
        for (LockAcquisition edge : f.cycle()) {
            sb.append("  ").append(ansi.heading(FindingWords.acquisitionSentence(f, edge))).append('\n');
            appendFrames(sb, FindingWords.frames(edge.stack(), edge.acquiredAt()));
        }
        sb.append("  Cycle: ").append(FindingWords.cycleLine(f)).append('\n');
    }

    private static void appendThreadOrigins(StringBuilder sb, Finding f, Ansi ansi) {
        for (ThreadRef t : FindingWords.threads(f)) {
            if (t.createdAt() != null) {
                sb.append("  ").append(ansi.heading("Thread " + FindingWords.threadName(t) + " created at:")).append('\n');
                appendFrames(sb, List.of(t.createdAt()));
            }
        }
    }

    private static void appendFrames(StringBuilder sb, List<SourceSite> frames) {
        for (SourceSite s : frames) {
            sb.append("    ").append(FindingWords.frame(s)).append('\n');
        }
    }
}
