package dev.racelock.samples.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sample program and the truth its comments state.
 *
 * @param className       binary name of the class with {@code main}
 * @param fileName        source file name, e.g. {@code LostUpdate.java}: reported sites must be in it
 * @param requires        capabilities racelock needs before the expectations are meaningful
 * @param expected        the findings a run must report, and nothing else (empty: a correct twin)
 * @param allocationLines for subjects naming an object rather than a field (a lock, an array), the
 *                        line allocating it, so a location reported by allocation site matches
 */
public record SampleSource(String className, String fileName, Set<Capability> requires, List<ExpectedFinding> expected,
                           Map<String, Integer> allocationLines) {
    public SampleSource {
        requires = Set.copyOf(requires);
        expected = List.copyOf(expected);
        allocationLines = Map.copyOf(allocationLines);
    }

    /** The class name without its package, e.g. {@code LostUpdate}. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Catalogue section and name, e.g. {@code race/LostUpdate}. */
    public String displayName() {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        return pkg.substring(pkg.lastIndexOf('.') + 1) + "/" + simpleName();
    }

    /** Whether running it really deadlocks (and so ends only through the agent's watchdog). */
    public boolean deadlocksForReal() {
        return expected.stream().anyMatch(e -> e.type() == dev.racelock.analyzer.finding.FindingType.OBSERVED_DEADLOCK);
    }

    /** Whether every capability it needs is available in this build. */
    public boolean runnableWith(Set<Capability> available) {
        return available.containsAll(requires);
    }
}
