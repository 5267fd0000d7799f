package dev.racelock.cli;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.ReadProgress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns traces into findings: {@code Analyzer::analyze} in production, canned results in tests. */
@FunctionalInterface
public interface AnalysisService {

    /** @throws dev.racelock.trace.TraceFormatException a trace cannot be read (exit code 3) */
    AnalysisResult analyze(List<Path> traces, ReadProgress progress) throws IOException;
}
