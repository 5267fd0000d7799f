package dev.racelock.cli;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.ReportOptions;

import java.io.IOException;
import java.io.Writer;

/** Renders a result in one format: {@code Reports::render} in production. */
@FunctionalInterface
public interface RenderService {

    void render(AnalysisResult result, ReportFormat format, ReportOptions options, Writer out) throws IOException;
}
