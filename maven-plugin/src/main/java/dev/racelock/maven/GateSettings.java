package dev.racelock.maven;

import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.report.gate.Baseline;
import dev.racelock.report.gate.BaselineFile;
import dev.racelock.report.gate.FindingGate;
import dev.racelock.report.gate.GateConfigException;
import dev.racelock.report.gate.SuppressionFile;
import dev.racelock.report.gate.SuppressionRule;
import dev.racelock.report.gate.Suppressions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gate as the CLI's {@code --baseline}, {@code --suppress} and {@code --fail-on} define it
 * (docs/cli.md), built from the plugin's parameters: the same files, read by the same code.
 */
final class GateSettings {

    private GateSettings() {}

    /**
     * @param baseline     a baseline file, or null
     * @param suppressions suppression files, in order
     * @param failOn       {@code race}, {@code deadlock} and/or {@code none}, comma-separated
     * @throws GateConfigException a file that cannot be read or parsed, an unknown category
     */
    static FindingGate gate(Path baseline, List<Path> suppressions, String failOn) throws GateConfigException {
        Baseline accepted = baseline == null ? Baseline.EMPTY : BaselineFile.read(baseline);
        List<SuppressionRule> rules = new ArrayList<>();
        for (Path file : suppressions) {
            rules.addAll(SuppressionFile.read(file).rules());
        }
        return new FindingGate(accepted, new Suppressions(rules), categories(failOn));
    }

    static Set<FindingType.Category> categories(String failOn) throws GateConfigException {
        Set<FindingType.Category> categories = EnumSet.noneOf(FindingType.Category.class);
        for (String name : failOn.split(",")) {
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "race" -> categories.add(FindingType.Category.RACE);
                case "deadlock" -> categories.add(FindingType.Category.DEADLOCK);
                case "none", "" -> { }
                default -> throw new GateConfigException("failOn has '" + name.strip()
                        + "'; accepted: race, deadlock, none (comma-separated)");
            }
        }
        return categories;
    }
}
