package dev.racelock.report.view;

import dev.racelock.analyzer.finding.AnalysisResult;

/**
 * What a report is about, beside its findings.
 *
 * @param result      the analysis result (traces, events, warnings, findings)
 * @param summary     counts per type and the summary line
 * @param toolVersion racelock's version, written into JSON, SARIF, JUnit and HTML output
 * @param color       ANSI colours in text output (only on a terminal)
 * @param sources     where a site's source file is in the project (SARIF and HTML paths)
 */
public record ReportRun(AnalysisResult result, ResultSummary summary, String toolVersion, boolean color,
                        SourceLocator sources) {}
