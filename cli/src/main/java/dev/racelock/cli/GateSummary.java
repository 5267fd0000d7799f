package dev.racelock.cli;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.gate.GateVerdict;

import java.util.ArrayList;
import java.util.List;

/** The one summary line on standard error that says what the gate decided and why. */
final class GateSummary {

    private GateSummary() {}

    /**
     * E.g. {@code racelock: 3 findings in 2 traces (1 in the baseline, 1 suppressed); 1 fails the run (exit 1)}.
     */
    static String describe(AnalysisResult result, GateVerdict verdict, int exitCode) {
        int traces = result.traces().size();
        String in = " in " + traces + (traces == 1 ? " trace" : " traces") + " (" + result.events() + " events)";
        List<String> notes = new ArrayList<>();
        if (verdict.baselined() > 0) {
            notes.add(verdict.baselined() + " in the baseline");
        }
        if (!verdict.suppressed().isEmpty()) {
            notes.add(verdict.suppressed().size() + " suppressed");
        }
        int found = verdict.reported().size() + verdict.suppressed().size();
        StringBuilder b = new StringBuilder("racelock: ");
        b.append(found == 0 ? "no findings" : found + (found == 1 ? " finding" : " findings")).append(in);
        if (!notes.isEmpty()) {
            b.append(" [").append(String.join(", ", notes)).append(']');
        }
        int failing = verdict.failing().size();
        if (found > 0) {
            if (failing == 0) {
                b.append("; none fails the run");
            } else if (exitCode == ExitCodes.CLEAN) {
                b.append("; ").append(failing).append(" accepted into the new baseline");
            } else {
                b.append("; ").append(failing).append(failing == 1 ? " fails" : " fail").append(" the run");
            }
        }
        return b.append(" (exit ").append(exitCode).append(')').toString();
    }
}
