package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.SourceSite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes one finding per fingerprint (docs/analyses.md, "Several traces": one finding per distinct
 * bug, across traces too): a race keeps the distinct access pairs of every trace (a pair seen again adds its
 * occurrences; a classified pair is shown first), a cycle keeps its first evidence, occurrences
 * are summed, and the result is sorted by type, then fingerprint, so output is stable. A deadlock
 * that really happened and the lock-order cycle that predicts it are one bug: the observed
 * finding stands for both; likewise a race a run showed and the same race predicted (same
 * fingerprint): the observed data race stands for both; and a lock-order cycle that one trace
 * only shows as a potential deadlock and another proves (same fingerprint): the predicted
 * deadlock stands for both.
 */
public final class FindingMerger {

    private final Map<String, Finding> byFingerprint = new LinkedHashMap<>();

    public void add(Finding f) {
        String key = f.type().id() + ":" + f.fingerprint();
        Finding old = byFingerprint.get(key);
        byFingerprint.put(key, old == null ? f : merge(old, f));
    }

    public void addAll(List<Finding> findings) {
        findings.forEach(this::add);
    }

    private static Finding merge(Finding old, Finding f) {
        if (old.pairs().isEmpty()) {
            return new Finding(old.type(), old.fingerprint(), old.location(), old.pairs(), old.cycle(),
                    saturatedSum(old.occurrences(), f.occurrences()), old.test());
        }
        Map<Set<Side>, RacePair> pairs = new LinkedHashMap<>();
        for (RacePair p : old.pairs()) {
            pairs.put(pairKey(p), p);
        }
        for (RacePair p : f.pairs()) {
            pairs.merge(pairKey(p), p, (a, b) -> new RacePair(a.earlier(), a.later(),
                    a.classification() != null ? a.classification() : b.classification(), a.startRelation(),
                    saturatedSum(a.occurrences(), b.occurrences()), a.relaxed() != null ? a.relaxed() : b.relaxed(),
                    followedBy(a.followedBy(), b.followedBy())));
        }
        List<RacePair> merged = new ArrayList<>(pairs.values());
        merged.sort(Comparator.comparing(p -> p.classification() == null));
        // the test of the primary pair, which may now be one the other trace brought
        boolean primaryIsOld = old.pairs().stream().anyMatch(p -> pairKey(p).equals(pairKey(merged.get(0))));
        return Finding.race(old.type(), old.fingerprint(), old.location(), merged)
                .withTest(primaryIsOld || f.test() == null ? old.test() : f.test());
    }

    private record Side(AccessKind kind, SourceSite site) {}

    /** The races that followed a pair in either trace: one per location and pair of sides, occurrences summed. */
    private static List<ConsequentRace> followedBy(List<ConsequentRace> a, List<ConsequentRace> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<List<Object>, ConsequentRace> all = new LinkedHashMap<>();
        for (ConsequentRace c : a) {
            all.put(consequenceKey(c), c);
        }
        for (ConsequentRace c : b) {
            all.merge(consequenceKey(c), c, (x, y) -> new ConsequentRace(x.location(), x.earlier(), x.later(),
                    saturatedSum(x.occurrences(), y.occurrences())));
        }
        return new ArrayList<>(all.values());
    }

    private static List<Object> consequenceKey(ConsequentRace c) {
        return List.of(c.location(), Set.of(new Side(c.earlier().kind(), c.earlier().site()),
                new Side(c.later().kind(), c.later().site())));
    }

    /** A pair is its two (kind, site) sides, in either order. */
    private static Set<Side> pairKey(RacePair p) {
        return new HashSet<>(List.of(new Side(p.earlier().kind(), p.earlier().site()),
                new Side(p.later().kind(), p.later().site())));
    }

    public List<Finding> sorted() {
        Set<Set<LockRef>> observedCycles = byFingerprint.values().stream()
                .filter(f -> f.type() == FindingType.OBSERVED_DEADLOCK)
                .map(FindingMerger::locksOf)
                .collect(Collectors.toSet());
        Set<String> observedRaces = fingerprintsOf(FindingType.DATA_RACE);
        Set<String> predictedDeadlocks = fingerprintsOf(FindingType.PREDICTED_DEADLOCK);
        List<Finding> all = new ArrayList<>();
        for (Finding f : byFingerprint.values()) {
            boolean cycle = f.type() == FindingType.DEADLOCK || f.type() == FindingType.PREDICTED_DEADLOCK;
            boolean observedDeadlock = cycle && observedCycles.contains(locksOf(f));
            boolean observedRace = f.type() == FindingType.PREDICTED_RACE && observedRaces.contains(f.fingerprint());
            boolean proven = f.type() == FindingType.DEADLOCK && predictedDeadlocks.contains(f.fingerprint());
            if (!observedDeadlock && !observedRace && !proven) {
                all.add(f);
            }
        }
        all.sort(Comparator.comparing(Finding::type).thenComparing(Finding::fingerprint));
        return all;
    }

    private Set<String> fingerprintsOf(FindingType type) {
        return byFingerprint.values().stream()
                .filter(f -> f.type() == type)
                .map(Finding::fingerprint)
                .collect(Collectors.toSet());
    }

    /**
     * The lock classes of a cycle, without the instance numbers a lock-order cycle between
     * instances of one class carries ("instance 1", "instance 2") and an observed one does not.
     */
    private static Set<LockRef> locksOf(Finding f) {
        return f.cycle().stream().map(a -> a.lock().instance(0)).collect(Collectors.toSet());
    }

    private static int saturatedSum(int a, int b) {
        long s = (long) a + b;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }
}
