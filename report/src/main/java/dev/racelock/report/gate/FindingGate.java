package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which findings fail a build: suppressions remove findings from the report, the
 * baseline accepts known ones, and only the categories named by {@code --fail-on} count.
 */
public final class FindingGate {

    private final Baseline baseline;
    private final Suppressions suppressions;
    private final Set<FindingType.Category> failOn;

    public FindingGate(Baseline baseline, Suppressions suppressions, Set<FindingType.Category> failOn) {
        this.baseline = baseline;
        this.suppressions = suppressions;
        this.failOn = failOn.isEmpty() ? EnumSet.noneOf(FindingType.Category.class) : EnumSet.copyOf(failOn);
    }

    public GateVerdict apply(List<Finding> findings) {
        List<Finding> reported = new ArrayList<>();
        List<Finding> failing = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        int baselined = 0;
        for (Finding f : findings) {
            Optional<SuppressionRule> rule = suppressions.ruleFor(f);
            if (rule.isPresent()) {
                suppressed.add(new SuppressedFinding(f, rule.get()));
                continue;
            }
            reported.add(f);
            if (baseline.accepts(f)) {
                baselined++;
            } else if (failOn.contains(f.type().category())) {
                failing.add(f);
            }
        }
        return new GateVerdict(reported, failing, baselined, suppressed);
    }
}
