package dev.racelock.maven;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.SourceSite;

/** One log line per finding: what it is and where, so a CI log names the bug without opening a report. */
final class FindingLines {

    private FindingLines() {}

    /** E.g. {@code DATA RACE on Counter.hits at Counter.java:12 [data-race 3f2a...]}. */
    static String describe(Finding finding) {
        StringBuilder line = new StringBuilder(finding.title());
        SourceSite site = finding.primarySite();
        if (site != null) {
            line.append(" at ").append(site.qualifiedMethod()).append('(').append(site.fileAndLine()).append(')');
        }
        return line.append(" [").append(finding.type().id()).append(' ').append(finding.fingerprint()).append(']')
                .toString();
    }
}
