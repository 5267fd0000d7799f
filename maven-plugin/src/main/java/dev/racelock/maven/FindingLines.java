package dev.racelock.maven;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.report.view.FindingWords;

/** One log line per finding: what it is and where, so a CI log names the bug without opening a report. */
final class FindingLines {

    private FindingLines() {}

    /**
     * E.g. {@code DATA RACE on Counter.hits at com.acme.Counter.hit(Counter.java:12) during test
     * com.acme.CounterTest.racy [data-race 3f2a...]}.
     */
    static String describe(Finding finding) {
        StringBuilder line = new StringBuilder(FindingWords.title(finding));
        SourceSite site = finding.primarySite();
        if (site != null) {
            line.append(" at ").append(site.qualifiedMethod()).append('(').append(site.fileAndLine()).append(')');
        }
        if (finding.test() != null) {
            line.append(" during test ").append(FindingWords.testName(finding.test()));
        }
        return line.append(" [").append(finding.type().id()).append(' ').append(finding.fingerprint()).append(']')
                .toString();
    }
}
