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
        FindingMerger merger = new FindingMerger();
        List<String> names = new ArrayList<>(traces.size());
        List<String> warnings = new ArrayList<>();
        long events = 0;
        for (Path trace : traces) {
            AnalysisSession session = new AnalysisSession(analyses);
            TraceEnd end = TraceFiles.read(trace, session, progress == null ? ReadProgress.NONE : progress);
            if (session.traceEnd() == null && end != null) {
                session.end(end); // a reader that returned its end without delivering it
            }
            AnalysisResult result = session.result();
            names.add(trace.toString());
            merger.addAll(result.findings());
            String prefix = traces.size() > 1 ? trace.getFileName() + ": " : "";
            for (String w : result.warnings()) {
                warnings.add(prefix + w);
            }
            events += result.events();
        }
        return new AnalysisResult(names, merger.sorted(), events, warnings);
    }
}
