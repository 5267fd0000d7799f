package dev.racelock.report;

import dev.racelock.analyzer.finding.AnalysisResult;

import java.io.IOException;
import java.io.Writer;

/** Renders one analysis result in one format: the single entry point the CLI and Maven plugin use. */
public final class Reports {

    private Reports() {}

    public static void render(AnalysisResult result, ReportFormat format, ReportOptions options, Writer out)
            throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
