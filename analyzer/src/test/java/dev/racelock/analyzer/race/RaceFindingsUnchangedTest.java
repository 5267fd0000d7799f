package dev.racelock.analyzer.race;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost: on thousands of seeded random programs ({@link RandomProgram}), the race analysis
 * (array runs, reused clock slots, sparse read vectors) reports exactly the findings of the plain
 * element-by-element FastTrack ({@link ElementwiseFastTrack}): same races, evidence, stacks,
 * classifications and occurrences (happens-before alone, every race its own). And every analysis finds the same with and without thread
 * END events, that is with and without clock slots handed from ended threads to new ones.
 */
class RaceFindingsUnchangedTest {

    private static final int PROGRAMS = 2000;

    private static List<Finding> findings(TraceScript script, AnalysisSession session) {
        return findings(script::replay, session);
    }

    private static List<Finding> findings(Consumer<EventVisitor> replay, AnalysisSession session) {
        replay.accept(session);
        session.end(new TraceEnd(session.events(), true, null));
        return session.result().findings();
    }

    @Test
    void raceFindingsEqualThoseOfElementwiseFastTrack() {
        int withRaces = 0;
        int arrayRaces = 0;
        for (int seed = 0; seed < PROGRAMS; seed++) {
            TraceScript script = RandomProgram.generate(seed);
            List<Finding> expected = findings(script, new AnalysisSession(List.of(ElementwiseFastTrack::new)));
            // happens-before alone: the reference knows no reads-from order (ConsequentRacesTest,
            // SchedulableOrderAgainstOracleTest check that)
            List<Finding> actual = findings(script, new AnalysisSession(List.of(st -> new RaceAnalysis(st, false))));
            assertSameFindings(expected, actual, seed);
            withRaces += expected.isEmpty() ? 0 : 1;
            arrayRaces += (int) expected.stream().filter(f -> f.location() != null && f.location().isArrayElement()).count();
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        assertTrue(withRaces > PROGRAMS / 10 && withRaces < PROGRAMS * 9 / 10, "programs with races: " + withRaces);
        assertTrue(arrayRaces > PROGRAMS / 10, "array races: " + arrayRaces);
    }

    @Test
    void findingsDoNotDependOnSlotReuse() {
        int reused = 0;
        for (int seed = 0; seed < PROGRAMS; seed++) {
            TraceScript script = RandomProgram.generate(seed);
            AnalysisSession withEnds = new AnalysisSession();
            List<Finding> actual = findings(script, withEnds);
            AnalysisSession withoutEnds = new AnalysisSession();
            List<Finding> expected = findings(v -> script.replay(withoutThreadEnds(v)), withoutEnds);
            assertSameFindings(expected, actual, seed);
            RaceAnalysis a = withEnds.analysis(RaceAnalysis.class);
            RaceAnalysis b = withoutEnds.analysis(RaceAnalysis.class);
            reused += a.clockSlots() < b.clockSlots() ? 1 : 0;
        }
        assertTrue(reused > PROGRAMS / 5, "programs where slots were reused: " + reused);
    }

    /** Equal lists, or a failure naming the seed and the first finding that differs (the lists are long). */
    private static void assertSameFindings(List<Finding> expected, List<Finding> actual, int seed) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "seed " + seed + ", finding " + i);
        }
        assertEquals(expected.size(), actual.size(), "seed " + seed + ": findings");
    }

    /** The visitor behind a filter that drops thread END events: no clock slot is ever handed on. */
    private static EventVisitor withoutThreadEnds(EventVisitor visitor) {
        return (EventVisitor) Proxy.newProxyInstance(EventVisitor.class.getClassLoader(), new Class<?>[] {EventVisitor.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("threadEnd")) {
                        method.invoke(visitor, args);
                    }
                    return null;
                });
    }
}
