package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;

import java.util.List;
import java.util.Optional;

/** The rules of one or more suppression files, in file order: the first matching rule wins. */
public record Suppressions(List<SuppressionRule> rules) {

    public static final Suppressions NONE = new Suppressions(List.of());

    public Suppressions {
        rules = List.copyOf(rules);
    }

    public Optional<SuppressionRule> ruleFor(Finding finding) {
        return rules.stream().filter(r -> r.matches(finding)).findFirst();
    }
}
