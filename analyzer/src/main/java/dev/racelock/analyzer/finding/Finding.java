package dev.racelock.analyzer.finding;

import java.util.ArrayList;
import java.util.List;

/**
 * One distinct bug, with the evidence a developer needs to fix it, as facts: what kind, where,
 * which threads, stacks and locks. Every report renders it in its own words (module
 * {@code report}); nothing here is prose.
 *
 * @param type        what kind of bug
 * @param fingerprint stable id from classes, methods, fields or lock classes (never lines,
 *                    thread ids or object ids): used by baselines and suppressions
 * @param location    for races: the field or the array elements raced on; else null
 * @param pairs       for races: the distinct pairs of conflicting accesses on {@code location},
 *                    the first one the one reports show in full; else empty
 * @param cycle       for deadlocks: the acquisitions around the cycle; else empty
 * @param occurrences how many times (object instances, dynamic pairs, instance cycles) this bug
 *                    was seen
 * @param test        the test during which it happened: the one running at the primary pair's
 *                    later access, or at the acquisition that closed the cycle; null when the
 *                    trace has no test markers or it happened outside every test
 */
public record Finding(FindingType type, String fingerprint, MemoryLocation location, List<RacePair> pairs,
                      List<LockAcquisition> cycle, int occurrences, TestRef test) {
    public Finding {
        pairs = List.copyOf(pairs);
        cycle = List.copyOf(cycle);
    }

    /** A finding not attributed to a test. */
    public Finding(FindingType type, String fingerprint, MemoryLocation location, List<RacePair> pairs,
                   List<LockAcquisition> cycle, int occurrences) {
        this(type, fingerprint, location, pairs, cycle, occurrences, null);
    }

    /** This finding, attributed to {@code test} (null: to none). */
    public Finding withTest(TestRef test) {
        return new Finding(type, fingerprint, location, pairs, cycle, occurrences, test);
    }

    /** A race finding. */
    public static Finding race(FindingType type, String fingerprint, MemoryLocation location, List<RacePair> pairs) {
        long sum = 0;
        for (RacePair p : pairs) {
            sum += p.occurrences();
        }
        return new Finding(type, fingerprint, location, pairs, List.of(), (int) Math.min(Integer.MAX_VALUE, sum));
    }

    /** A lock cycle finding. */
    public static Finding cycle(FindingType type, String fingerprint, List<LockAcquisition> cycle, int occurrences) {
        return new Finding(type, fingerprint, null, List.of(), cycle, occurrences);
    }

    /** The pair reports show in full, or null for a cycle. */
    public RacePair primaryPair() {
        return pairs.isEmpty() ? null : pairs.get(0);
    }

    /** The primary pair's classification, or null. */
    public RaceClassification classification() {
        RacePair p = primaryPair();
        return p == null ? null : p.classification();
    }

    /** Every access of every pair, each pair earlier first. */
    public List<Access> accesses() {
        List<Access> all = new ArrayList<>(pairs.size() * 2);
        for (RacePair p : pairs) {
            all.add(p.earlier());
            all.add(p.later());
        }
        return all;
    }

    /** The source site reports point at first: the later access of the primary pair, the first acquisition of a cycle. */
    public SourceSite primarySite() {
        RacePair p = primaryPair();
        if (p != null) {
            return p.later().site();
        }
        return cycle.isEmpty() ? null : cycle.get(0).acquiredAt();
    }
}
