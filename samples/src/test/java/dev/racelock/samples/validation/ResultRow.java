package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.Finding;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the result table.
 *
 * @param sample   e.g. {@code race/LostUpdate}
 * @param expected the expectations in short form
 * @param found    the reported findings in short form, or what went wrong
 * @param verdict  the outcome
 * @param note     why it is not PASS (problems, missing capabilities), or empty
 */
public record ResultRow(String sample, String expected, String found, Verdict verdict, String note) {

    /**
     * Judges a sample's findings: PASS when exact, else FAIL with the problems; PENDING whatever
     * the findings when a capability it requires is not available (noting when it would already pass).
     */
    static ResultRow judge(SampleSource sample, List<Finding> findings, Set<Capability> available) {
        Comparison comparison = FindingComparison.compare(sample, findings);
        String found = FindingText.describeAll(findings);
        if (!sample.runnableWith(available)) {
            String needs = "requires " + sample.requires().stream().filter(c -> !available.contains(c))
                    .map(Capability::id).sorted().collect(Collectors.joining(", "))
                    + (comparison.exact() ? " (already exact)" : "");
            return new ResultRow(sample.displayName(), expected(sample), found, Verdict.PENDING, needs);
        }
        return new ResultRow(sample.displayName(), expected(sample), found,
                comparison.exact() ? Verdict.PASS : Verdict.FAIL, comparison.problems());
    }

    /** The run could not be judged: timeout, exit code, no trace, analysis failure. */
    static ResultRow error(SampleSource sample, String problem) {
        return new ResultRow(sample.displayName(), expected(sample), "-", Verdict.ERROR, problem);
    }

    private static String expected(SampleSource sample) {
        return sample.expected().isEmpty() ? "none"
                : sample.expected().stream().map(ExpectedFinding::describe).collect(Collectors.joining("; "));
    }
}
