package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.report.view.FindingWords;

/**
 * One accepted finding in a baseline. Only the fingerprint decides; type and title are there so
 * a reviewer of the baseline file can tell what was accepted.
 */
public record BaselineEntry(String fingerprint, String type, String title) {

    public static BaselineEntry of(Finding finding) {
        return new BaselineEntry(finding.fingerprint(), finding.type().id(), FindingWords.title(finding));
    }
}
