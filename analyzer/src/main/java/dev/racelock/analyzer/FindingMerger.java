package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes one finding per fingerprint (DESIGN.md: one finding per distinct bug, across traces
 * too): occurrences are summed, the first evidence is kept (preferring one that is classified),
 * and the result is sorted by type, then fingerprint, so output is stable. A deadlock that
 * really happened and the lock-order cycle that predicts it are one bug: the observed finding
 * stands for both.
 */
public final class FindingMerger {

    private final Map<String, Finding> byFingerprint = new LinkedHashMap<>();

    public void add(Finding f) {
        String key = f.type().id() + ":" + f.fingerprint();
        Finding old = byFingerprint.get(key);
        if (old == null) {
            byFingerprint.put(key, f);
            return;
        }
        Finding kept = old.classification() == null && f.classification() != null ? f : old;
        byFingerprint.put(key, new Finding(kept.type(), kept.fingerprint(), kept.title(), kept.message(),
                kept.explanation(), kept.classification(), kept.accesses(), kept.cycle(),
                saturatedSum(old.occurrences(), f.occurrences())));
    }

    public void addAll(List<Finding> findings) {
        findings.forEach(this::add);
    }

    public List<Finding> sorted() {
        Set<Set<String>> observedCycles = byFingerprint.values().stream()
                .filter(f -> f.type() == FindingType.OBSERVED_DEADLOCK)
                .map(FindingMerger::locksOf)
                .collect(Collectors.toSet());
        List<Finding> all = new ArrayList<>();
        for (Finding f : byFingerprint.values()) {
            if (f.type() != FindingType.DEADLOCK || !observedCycles.contains(locksOf(f))) {
                all.add(f);
            }
        }
        all.sort(Comparator.comparing(Finding::type).thenComparing(Finding::fingerprint));
        return all;
    }

    private static Set<String> locksOf(Finding f) {
        return f.cycle().stream().map(LockAcquisition::lock).collect(Collectors.toSet());
    }

    private static int saturatedSum(int a, int b) {
        long s = (long) a + b;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }
}
