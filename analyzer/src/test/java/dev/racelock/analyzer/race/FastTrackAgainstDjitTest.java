package dev.racelock.analyzer.race;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FastTrack's epochs are an optimisation of vector clocks that must not change which locations
 * race (Flanagan &amp; Freund, PLDI 2009, Theorem 1: FastTrack reports a race on a location iff
 * DJIT+ does). Thousands of seeded random programs ({@link RandomProgram}: short-lived threads
 * forking and joining, monitors and read-write locks taken reentrantly, waits, volatiles, hand-off
 * tokens, arrays accessed by element and by range) go through both; the sets of racy locations
 * must be equal.
 */
class FastTrackAgainstDjitTest {

    private static final int TRACES = 3000;

    @Test
    void fastTrackFindsExactlyTheLocationsDjitFinds() {
        int racyTraces = 0;
        int totalRacy = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            TraceScript script = RandomProgram.generate(seed);
            DjitOracle oracle = new DjitOracle(RandomProgram.MAX_THREADS);
            script.replay(oracle);
            AnalysisSession session = new AnalysisSession();
            Set<List<Long>> fastTrack = new HashSet<>();
            session.analysis(RaceAnalysis.class).observeRaces((object, slot, count, consequence) -> {
                for (int i = 0; i < count; i++) {
                    fastTrack.add(List.of(object, (long) slot + i));
                }
            });
            script.replay(session);
            assertEquals(oracle.racy, fastTrack, "seed " + seed);
            if (!fastTrack.isEmpty()) {
                racyTraces++;
                totalRacy += fastTrack.size();
            }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        assertTrue(racyTraces > TRACES / 10 && racyTraces < TRACES * 9 / 10, "racy traces: " + racyTraces);
        assertTrue(totalRacy > racyTraces);
    }
}
