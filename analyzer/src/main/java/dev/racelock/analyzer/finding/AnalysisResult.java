package dev.racelock.analyzer.finding;

import java.util.List;

/**
 * The findings of one analysis run over one or more traces, as every report renders them.
 *
 * @param traces   the trace files analyzed, as given
 * @param findings distinct findings, in a stable order (type, then fingerprint)
 * @param events   events analyzed across all traces
 * @param warnings things the user should know that are not findings (a truncated trace, a
 *                 trace recorded with mode=locks, ...)
 */
public record AnalysisResult(List<String> traces, List<Finding> findings, long events, List<String> warnings) {
    public AnalysisResult {
        traces = List.copyOf(traces);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
