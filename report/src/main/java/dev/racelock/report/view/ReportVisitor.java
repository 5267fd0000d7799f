package dev.racelock.report.view;

import java.io.IOException;

/**
 * What a report format is told, in this order: the run once, each finding in the result's order,
 * then the end, after which it has written everything (JaCoCo's report visitors work the same
 * way). A format implements this and nothing else: every phrase it shows comes worded in the
 * {@link FindingView}, so a finding reads the same in every format and a new format is one class.
 */
public interface ReportVisitor {

    void visitRun(ReportRun run) throws IOException;

    void visitFinding(FindingView finding) throws IOException;

    void visitEnd() throws IOException;
}
