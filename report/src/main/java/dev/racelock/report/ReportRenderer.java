package dev.racelock.report;

import dev.racelock.analyzer.finding.AnalysisResult;

import java.io.IOException;
import java.io.Writer;

/**
 * Turns one analysis result into one output format. Each format is one implementation in its own
 * package that walks the findings model directly, without a template engine (as JaCoCo's report
 * visitors do), so every format shows the same evidence.
 */
public interface ReportRenderer {

    void render(AnalysisResult result, ReportOptions options, Writer out) throws IOException;
}
