package dev.racelock.maven;

import dev.racelock.report.gate.GateVerdict;

import java.util.ArrayList;
import java.util.List;

/** The one line that says what the analysis found and what the gate made of it. */
final class Summary {

    /** What the failing findings do in this goal. */
    enum Consequence {
        /** check: they fail the build. */
        FAIL_THE_BUILD,
        /** writeBaseline: they go into the new baseline. */
        ENTER_THE_BASELINE,
        /** report, and the aggregate: nothing, but the user should know check would fail. */
        WOULD_FAIL_CHECK
    }

    private Summary() {}

    /** E.g. {@code 3 findings in 2 traces (812 events) [1 in the baseline, 1 suppressed]; 1 fails the build}. */
    static String describe(BuildReport.Outcome outcome, Consequence consequence) {
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
        if (found > 0 && failing == 0) {
            line.append(consequence == Consequence.ENTER_THE_BASELINE ? "; all in the baseline already"
                    : "; none fails the build");
        } else if (failing > 0) {
            line.append("; ").append(failing).append(switch (consequence) {
                case FAIL_THE_BUILD -> failing == 1 ? " fails the build" : " fail the build";
                case ENTER_THE_BASELINE -> " accepted into the new baseline";
                case WOULD_FAIL_CHECK -> " would fail racelock:check";
            });
        }
        return line.toString();
    }
}
