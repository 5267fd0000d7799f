package dev.racelock.analyzer;

import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.EnumIds;

import java.util.List;
import java.util.function.Function;

/** Which analyses a run uses ({@code --analysis}): what each trace's {@link AnalysisSession} runs. */
public enum AnalysisSet {
    /** Races of the observed order (happens-before), lock order, observed deadlocks. */
    HB,
    /** As {@link #HB}, and races another schedule shows that this one hid behind lock order (WCP). */
    PREDICTIVE;

    public List<Function<TraceState, ? extends Analysis>> factories() {
        return this == HB ? AnalysisSession.standardAnalyses() : AnalysisSession.predictiveAnalyses();
    }

    /** The name the command line uses: {@code hb}, {@code predictive} ({@link EnumIds}). */
    public String id() {
        return EnumIds.of(this);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static AnalysisSet fromId(String id) {
        return EnumIds.parse(AnalysisSet.class, "analysis", id);
    }
}
