package dev.racelock.report.text;

import dev.racelock.report.view.FindingView;
import dev.racelock.report.view.FindingView.AccessView;
import dev.racelock.report.view.FindingView.AcquisitionView;
import dev.racelock.report.view.FindingView.PairView;
import dev.racelock.report.view.FindingView.ThreadView;
import dev.racelock.report.view.FrameLine;
import dev.racelock.report.view.ReportRun;
import dev.racelock.report.view.ReportVisitor;
import dev.racelock.report.view.ResultSummary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The terminal report, modelled on Go's race detector: a separator line, the headline, each
 * access (or each acquisition of a lock cycle) with its thread and stack, where the threads were
 * created, why it can happen, and a one-line summary at the end.
 */
public final class TextReport implements ReportVisitor {

    static final String SEPARATOR = "==================";

    private final Writer out;
    private Ansi ansi = new Ansi(false);
    private ReportRun run;

    public TextReport(Writer out) {
        this.out = out;
    }

    @Override
    public void visitRun(ReportRun run) {
        this.run = run;
        this.ansi = new Ansi(run.color());
    }

    @Override
    public void visitFinding(FindingView finding) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(ansi.dim(SEPARATOR)).append('\n');
        appendFinding(sb, finding, ansi);
        out.write(sb.toString());
    }

    @Override
    public void visitEnd() throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!run.result().findings().isEmpty()) {
            sb.append(ansi.dim(SEPARATOR)).append('\n');
        }
        for (String w : run.result().warnings()) {
            sb.append(ansi.warning("racelock: warning: " + w)).append('\n');
        }
        ResultSummary summary = run.summary();
        sb.append(summary.total() == 0 ? ansi.clean(summary.line()) : ansi.bad(summary.line())).append('\n');
        out.write(sb.toString());
        out.flush();
    }

    /** One finding without separators or colour: the body of a JUnit failure, for instance. */
    public static String findingText(FindingView finding) {
        StringBuilder sb = new StringBuilder();
        appendFinding(sb, finding, new Ansi(false));
        return sb.toString();
    }

    private static void appendFinding(StringBuilder sb, FindingView f, Ansi ansi) {
        String headline = f.classification() == null ? f.title() : f.title() + " (" + f.classification() + ")";
        sb.append(ansi.headline(headline)).append('\n');
        if (f.duringTest() != null) {
            sb.append("  ").append(f.duringTest()).append('\n');
        }
        for (AccessView a : f.accesses()) {
            String heading = a.heading();
            if (!a.previous() && !f.title().contains(a.location())) {
                heading += " to " + a.location();
            }
            sb.append("  ").append(ansi.heading(heading + ":")).append('\n');
            appendFrames(sb, a.frames());
            sb.append("    locks held: ").append(a.locksText()).append('\n');
        }
        if (!f.relaxedOrder().isEmpty()) {
            sb.append("  ").append(ansi.heading("Ordered in this run only by lock order:")).append('\n');
            for (String line : f.relaxedOrder()) {
                sb.append("    ").append(line).append('\n');
            }
        }
        if (!f.followedBy().isEmpty()) {
            sb.append("  ").append(ansi.heading(FindingView.FOLLOWED_BY_HEADING + ":")).append('\n');
            for (String line : f.followedBy()) {
                sb.append("    ").append(line).append('\n');
            }
        }
        if (!f.otherPairs().isEmpty()) {
            sb.append("  ").append(ansi.heading(f.otherPairsHeading() + ":")).append('\n');
            for (PairView p : f.otherPairs()) {
                sb.append("    ").append(p.text());
                if (p.occurrences() > 1) {
                    sb.append(" (seen ").append(ResultSummary.grouped(p.occurrences())).append(" times)");
                }
                sb.append('\n');
            }
        }
        for (AcquisitionView edge : f.acquisitions()) {
            sb.append("  ").append(ansi.heading(edge.sentence())).append('\n');
            appendFrames(sb, edge.frames());
        }
        if (!f.acquisitions().isEmpty()) {
            sb.append("  Cycle: ").append(f.cycleLine()).append('\n');
        }
        for (ThreadView t : f.threads()) {
            if (t.createdAt() != null) {
                sb.append("  ").append(ansi.heading("Thread " + t.name() + " created at:")).append('\n');
                appendFrames(sb, List.of(t.createdAt()));
            }
        }
        if (f.explanation() != null) {
            sb.append("  ").append(ansi.why("Why: " + f.explanation())).append('\n');
        }
        if (f.occurrences() > 1) {
            sb.append("  Seen ").append(ResultSummary.grouped(f.occurrences())).append(" times.\n");
        }
    }

    private static void appendFrames(StringBuilder sb, List<FrameLine> frames) {
        for (FrameLine line : frames) {
            sb.append("    ").append(line.text()).append('\n');
        }
    }
}
