package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.files.TraceFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs every analysis (races, lock order, observed deadlocks) over each trace in one streaming
 * pass and merges their findings: the entry point of the CLI and the Maven plugin.
 */
public final class Analyzer {

    private Analyzer() {}

    /**
     * Reads each trace into a fresh {@link AnalysisSession}, then merges the findings of all traces
     * (one per fingerprint, occurrences summed), sorted by type and fingerprint.
     *
     * @throws dev.racelock.trace.TraceFormatException a trace cannot be read (CLI exit code 3)
     */
    public static AnalysisResult analyze(List<Path> traces, ReadProgress progress) throws IOException {
        return analyze(traces, progress, AnalysisSession.standardAnalyses());
    }

    /** As {@link #analyze(List, ReadProgress)}, with these analyses in each trace's session. */
    public static AnalysisResult analyze(List<Path> traces, ReadProgress progress,
                                         List<Function<TraceState, ? extends Analysis>> analyses) throws IOException {
        List<NamedResult> results = new ArrayList<>(traces.size());
        for (Path trace : traces) {
            AnalysisSession session = new AnalysisSession(analyses);
            TraceEnd end = TraceFiles.read(trace, session, progress == null ? ReadProgress.NONE : progress);
            if (session.traceEnd() == null && end != null) {
                session.end(end); // a reader that returned its end without delivering it
            }
            results.add(new NamedResult(trace.toString(), trace.getFileName().toString(), session.result()));
        }
        return merge(results);
    }

    /**
     * One trace's result.
     *
     * @param name      what the report lists as analyzed (a file's path)
     * @param shortName what its warnings start with when there are several traces
     */
    public record NamedResult(String name, String shortName, AnalysisResult result) {}

    /**
     * The findings of several traces, each analyzed in its own session (a file, or a stream that
     * racelock run analyzed while it was written): one per fingerprint, occurrences summed.
     */
    public static AnalysisResult merge(List<NamedResult> results) {
        FindingMerger merger = new FindingMerger();
        List<String> names = new ArrayList<>(results.size());
        List<String> warnings = new ArrayList<>();
        long events = 0;
        for (NamedResult named : results) {
            AnalysisResult result = named.result();
            names.add(named.name());
            merger.addAll(result.findings());
            String prefix = results.size() > 1 ? named.shortName() + ": " : "";
            for (String w : result.warnings()) {
                warnings.add(prefix + w);
            }
            events += result.events();
        }
        return new AnalysisResult(names, merger.sorted(), events, warnings);
    }
}
