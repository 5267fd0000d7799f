package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.ReadProgress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs every analysis (races, lock order, observed deadlocks) over each trace in one streaming
 * pass and merges their findings: the entry point of the CLI and the Maven plugin.
 */
public final class Analyzer {

    private Analyzer() {}

    /**
     * @throws dev.racelock.trace.TraceFormatException a trace cannot be read (CLI exit code 3)
     */
    public static AnalysisResult analyze(List<Path> traces, ReadProgress progress) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
