package dev.racelock.analyzer.state;

import dev.racelock.analyzer.finding.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns distinct races into findings, one per location class (a field, or the arrays allocated at
 * one site): one bug, one finding, however many pairs of sites showed it. The HB race analysis and
 * the predictive one group their races alike and word each finding their own way.
 *
 * @param <R> one distinct race as the analysis recorded it
 */
public abstract class LocationClassFindings<R> {

    protected final TraceState state;
    protected final TraceDictionary dictionary;

    protected LocationClassFindings(TraceState state) {
        this.state = state;
        this.dictionary = state.dictionary();
    }

    /** One finding per location class, in the order each was first detected. */
    public final List<Finding> findings(Collection<R> races) {
        Map<String, List<R>> byLocation = new LinkedHashMap<>();
        for (R r : races) {
            byLocation.computeIfAbsent(locationKey(r), k -> new ArrayList<>()).add(r);
        }
        List<Finding> out = new ArrayList<>(byLocation.size());
        byLocation.forEach((key, rs) -> out.add(finding(key, rs)));
        return out;
    }

    /** The race's location class, as fingerprints name it. */
    protected abstract String locationKey(R race);

    /** The finding of one location class, from its races in the order they were detected. */
    protected abstract Finding finding(String locationKey, List<R> races);
}
