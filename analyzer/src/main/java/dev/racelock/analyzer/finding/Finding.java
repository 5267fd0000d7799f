package dev.racelock.analyzer.finding;

import java.util.List;

/**
 * One distinct bug, with the evidence a developer needs to fix it. Every report renders this.
 *
 * @param type           what kind of bug
 * @param fingerprint    stable id from classes, methods, fields or lock classes (never lines,
 *                       thread ids or object ids): used by baselines and suppressions
 * @param title          the headline, e.g. {@code DATA RACE on Counter.hits} or
 *                       {@code POTENTIAL DEADLOCK: lock-order cycle of 2 locks}
 * @param message        a one-line summary for result lists (SARIF message, JUnit failure message)
 * @param explanation    why it can happen, in plain words (e.g. "no lock held in common and no
 *                       hand-off between them")
 * @param classification for races: {@code lost-update}, {@code unsafe-publication},
 *                       {@code torn-long}, {@code check-then-act}, or null
 * @param accesses       for races: the two conflicting accesses, earlier first; else empty
 * @param cycle          for deadlocks: the acquisitions around the cycle; else empty
 * @param occurrences    how many times (object instances, dynamic pairs) this bug was seen
 */
public record Finding(FindingType type, String fingerprint, String title, String message, String explanation,
                      String classification, List<Access> accesses, List<LockAcquisition> cycle, int occurrences) {
    public Finding {
        accesses = List.copyOf(accesses);
        cycle = List.copyOf(cycle);
    }

    /** The source site reports point at first: the later access of a race, the first acquisition of a cycle. */
    public SourceSite primarySite() {
        if (!accesses.isEmpty()) {
            return accesses.get(accesses.size() - 1).site();
        }
        return cycle.isEmpty() ? null : cycle.get(0).acquiredAt();
    }
}
