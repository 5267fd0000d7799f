package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.Finding;

import java.util.List;

/**
 * How a run's findings compare with a sample's expectations.
 *
 * @param missing    expected findings nobody reported
 * @param unexpected reported findings no expectation accounts for
 * @param duplicated expected findings reported more than once (one bug must be one finding)
 */
public record Comparison(List<ExpectedFinding> missing, List<Finding> unexpected, List<ExpectedFinding> duplicated) {
    public Comparison {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        duplicated = List.copyOf(duplicated);
    }

    /** Every expected finding reported exactly once, and nothing else. */
    public boolean exact() {
        return missing.isEmpty() && unexpected.isEmpty() && duplicated.isEmpty();
    }

    /** Why it is not exact, one clause per problem; empty when exact. */
    public String problems() {
        StringBuilder sb = new StringBuilder();
        missing.forEach(e -> append(sb, "missing " + e.describe()));
        duplicated.forEach(e -> append(sb, "reported more than once: " + e.describe()));
        unexpected.forEach(f -> append(sb, "unexpected " + FindingText.describe(f)));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String clause) {
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(clause);
    }
}
