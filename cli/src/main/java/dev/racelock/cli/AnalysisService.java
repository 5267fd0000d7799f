package dev.racelock.cli;

import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.Analyzer;
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

    /** With the analyses {@code --analysis} chose; a service that has no choice analyzes as above. */
    default AnalysisResult analyze(List<Path> traces, ReadProgress progress, AnalysisSet analyses) throws IOException {
        return analyze(traces, progress);
    }

    /**
     * Starts analyzing the traces of a {@code run} as its JVMs send them, or null: this service
     * analyzes trace files only (then {@code run} has its JVMs write files and analyzes them after).
     */
    default StreamedTraces listen(AnalysisSet analyses) throws IOException {
        return null;
    }

    /** The analyzer itself: {@link Analyzer#analyze} with the chosen analyses, on files or as traces stream in. */
    static AnalysisService analyzer() {
        return new AnalysisService() {
            @Override
            public AnalysisResult analyze(List<Path> traces, ReadProgress progress) throws IOException {
                return Analyzer.analyze(traces, progress);
            }

            @Override
            public AnalysisResult analyze(List<Path> traces, ReadProgress progress, AnalysisSet analyses)
                    throws IOException {
                return Analyzer.analyze(traces, progress, analyses.factories());
            }

            @Override
            public StreamedTraces listen(AnalysisSet analyses) throws IOException {
                return StreamedTraces.listen(analyses.factories());
            }
        };
    }
}
