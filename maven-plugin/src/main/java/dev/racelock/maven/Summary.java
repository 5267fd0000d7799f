package dev.racelock.maven;

import dev.racelock.report.gate.GateVerdict;

import java.util.ArrayList;
import java.util.List;

/** The one line that says what the analysis found and what the gate made of it. */
final class Summary {

    private Summary() {}

    /** E.g. {@code 3 findings in 2 traces (812 events) [1 in the baseline, 1 suppressed]; 1 fails the build}. */
    static String describe(BuildReport.Outcome outcome) {
        GateVerdict verdict = outcome.verdict();
        int traces = outcome.result().traces().size();
        int found = verdict.reported().size() + verdict.suppressed().size();
        StringBuilder line = new StringBuilder();
        line.append(found == 0 ? "no findings" : found + (found == 1 ? " finding" : " findings"))
                .append(" in ").append(traces).append(traces == 1 ? " trace" : " traces")
                .append(" (").append(outcome.result().events()).append(" events)");
        List<String> notes = new ArrayList<>();
        if (verdict.baselined() > 0) {
            notes.add(verdict.baselined() + " in the baseline");
        }
        if (!verdict.suppressed().isEmpty()) {
            notes.add(verdict.suppressed().size() + " suppressed");
        }
        if (!notes.isEmpty()) {
            line.append(" [").append(String.join(", ", notes)).append(']');
        }
        int failing = verdict.failing().size();
        if (found > 0) {
            line.append(failing == 0 ? "; none fails the build"
                    : "; " + failing + (failing == 1 ? " fails" : " fail") + " the build");
        }
        return line.toString();
    }
}
