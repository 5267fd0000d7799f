/**
 * What a long analysis says while it runs: the progress line, on a terminal, in a CI log or in
 * a Maven build's log. Knows no report format and no finding.
 */
package dev.racelock.report.progress;
