package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Findings accepted earlier, by fingerprint: only findings outside it fail a run. */
public final class Baseline {

    /** Accepts nothing: every finding is new. */
    public static final Baseline EMPTY = new Baseline(new TreeMap<>());

    private final SortedMap<String, BaselineEntry> byFingerprint;

    private Baseline(SortedMap<String, BaselineEntry> byFingerprint) {
        this.byFingerprint = Collections.unmodifiableSortedMap(byFingerprint);
    }

    public static Baseline of(Collection<BaselineEntry> entries) {
        SortedMap<String, BaselineEntry> map = new TreeMap<>();
        for (BaselineEntry e : entries) {
            map.put(e.fingerprint(), e);
        }
        return new Baseline(map);
    }

    /** A baseline accepting exactly these findings. */
    public static Baseline ofFindings(Collection<Finding> findings) {
        return of(findings.stream().map(BaselineEntry::of).toList());
    }

    public boolean accepts(Finding finding) {
        return byFingerprint.containsKey(finding.fingerprint());
    }

    /** Entries sorted by fingerprint, the order the file is written in. */
    public Collection<BaselineEntry> entries() {
        return byFingerprint.values();
    }

    public int size() {
        return byFingerprint.size();
    }
}
