package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;

/** A finding left out of the report, with the rule that did it. */
public record SuppressedFinding(Finding finding, SuppressionRule rule) {}
