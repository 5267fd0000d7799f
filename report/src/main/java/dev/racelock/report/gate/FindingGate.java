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
 * baseline accepts known ones, and only the finding types named by {@code --fail-on} (by
 * category or by type) count.
 */
public final class FindingGate {

    private final Baseline baseline;
    private final Suppressions suppressions;
    private final Set<FindingType> failOn;

    /** Findings of the given categories fail. */
    public FindingGate(Baseline baseline, Suppressions suppressions, Set<FindingType.Category> failOn) {
        this(baseline, suppressions, typesOf(failOn));
    }

    private FindingGate(Baseline baseline, Suppressions suppressions, EnumSet<FindingType> failingTypes) {
        this.baseline = baseline;
        this.suppressions = suppressions;
        this.failOn = failingTypes;
    }

    /** Findings of the given types fail (e.g. the sound deadlocks only: predicted and observed). */
    public static FindingGate failingTypes(Baseline baseline, Suppressions suppressions, Set<FindingType> types) {
        return new FindingGate(baseline, suppressions,
                types.isEmpty() ? EnumSet.noneOf(FindingType.class) : EnumSet.copyOf(types));
    }

    /** Every finding type of the given categories. */
    public static EnumSet<FindingType> typesOf(Set<FindingType.Category> categories) {
        EnumSet<FindingType> types = EnumSet.noneOf(FindingType.class);
        for (FindingType t : FindingType.values()) {
            if (categories.contains(t.category())) {
                types.add(t);
            }
        }
        return types;
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
            } else if (failOn.contains(f.type())) {
                failing.add(f);
            }
        }
        return new GateVerdict(reported, failing, baselined, suppressed);
    }
}
