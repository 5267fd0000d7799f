package dev.racelock.report.view;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts per finding type and the one-line summary every human-readable format ends with. */
public final class ResultSummary {

    private final AnalysisResult result;
    private final Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);

    public ResultSummary(AnalysisResult result) {
        this.result = result;
        for (FindingType type : FindingType.values()) {
            counts.put(type, 0);
        }
        for (Finding f : result.findings()) {
            counts.merge(f.type(), 1, Integer::sum);
        }
    }

    public int count(FindingType type) {
        return counts.get(type);
    }

    public int total() {
        return result.findings().size();
    }

    /** {@code 1 data race, 1 potential deadlock}: the non-zero counts, or empty when clean. */
    public String countsPhrase() {
        List<String> parts = new ArrayList<>();
        for (FindingType type : FindingType.values()) {
            int n = counts.get(type);
            if (n > 0) {
                FindingTypeDescription d = FindingTypeDescription.of(type);
                parts.add(n + " " + (n == 1 ? d.singular() : d.plural()));
            }
        }
        return String.join(", ", parts);
    }

    /** {@code in 1 trace, 1,234,567 events}. */
    public String scopePhrase() {
        int traces = result.traces().size();
        return "in " + traces + (traces == 1 ? " trace, " : " traces, ") + grouped(result.events())
                + (result.events() == 1 ? " event" : " events");
    }

    /**
     * {@code racelock: 1 data race, 1 potential deadlock (2 findings) in 1 trace, 1,234,567 events}, or
     * {@code racelock: no races or deadlocks found in ...} when clean.
     */
    public String line() {
        if (total() == 0) {
            return "racelock: no races or deadlocks found " + scopePhrase();
        }
        return "racelock: " + countsPhrase() + " (" + total() + (total() == 1 ? " finding) " : " findings) ")
                + scopePhrase();
    }

    /** Thousands separated by commas whatever the default locale, so output is stable. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
