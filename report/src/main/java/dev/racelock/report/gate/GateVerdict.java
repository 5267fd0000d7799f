package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;

import java.util.List;

/**
 * What the gate made of a run's findings.
 *
 * @param reported   findings that were not suppressed, in the analyzer's order: what reports show
 * @param failing    the reported findings that fail the run: of a {@code --fail-on} category and
 *                   not in the baseline
 * @param baselined  how many reported findings the baseline accepts
 * @param suppressed findings removed by suppression rules
 */
public record GateVerdict(List<Finding> reported, List<Finding> failing, int baselined,
                          List<SuppressedFinding> suppressed) {
    public GateVerdict {
        reported = List.copyOf(reported);
        failing = List.copyOf(failing);
        suppressed = List.copyOf(suppressed);
    }

    public boolean fails() {
        return !failing.isEmpty();
    }
}
