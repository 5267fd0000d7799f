package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.std.StdTraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random STD traces (threads forking and joining, reentrant locks, plain and volatile
 * variables, hand-off tokens), read through the STD importer, checked against two independent
 * oracles:
 * <ul>
 *   <li>{@link WcpDefinition}: weak causal precedence computed from its definition over sets of
 *       events. Without the reads-from order, the analysis's racy variables must equal it: the
 *       vector-clock algorithm, its epochs and its per-lock cursors compute exactly WCP;</li>
 *   <li>{@link ReorderingSearch}: every correct reordering of the trace, exhaustively. Every
 *       variable the analysis finds racy (predicted or seen) must be racy in some correct
 *       reordering: with the reads-from order, every reported race is real, not only the first
 *       (on traces with no predictable deadlock: WCP's guarantee is a race or a deadlock).</li>
 * </ul>
 */
class PredictionAgainstOraclesTest {

    private static final int TRACES = 1500;

    @TempDir
    Path dir;

    @Test
    void wcpAnalysisEqualsItsDefinitionAndReportsOnlyRealRaces() throws IOException {
        int predictedTraces = 0;
        int racyTraces = 0;
        int checkedForSoundness = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            List<String> lines = generate(new SplittableRandom(seed));
            Path file = dir.resolve("t" + seed + ".std");
            Files.write(file, lines);
            List<StdEvent> events = StdEvent.parse(lines);

            Races plain = analyze(file, false);
            assertEquals(WcpDefinition.racyVariables(events), plain.all, "seed " + seed + "\n" + String.join("\n", lines));

            ReorderingSearch truth = new ReorderingSearch(events).run();
            Races withReadsFrom = analyze(file, true);
            if (!truth.deadlock) {
                checkedForSoundness++;
                assertTrue(truth.racy.containsAll(withReadsFrom.all),
                        "seed " + seed + ": reported " + withReadsFrom.all + ", real " + truth.racy + "\n" + String.join("\n", lines));
            }
            if (!withReadsFrom.predicted.isEmpty()) {
                predictedTraces++;
            }
            if (!truth.racy.isEmpty()) {
                racyTraces++;
            }
        }
        // The generator must produce races hidden behind lock order (about 1% of its traces: two
        // sections that do not conflict, handed over between accesses outside them), and a real
        // mix of outcomes.
        assertTrue(predictedTraces >= TRACES / 150, "traces with a predicted race: " + predictedTraces);
        assertTrue(racyTraces > TRACES / 10 && racyTraces < TRACES * 9 / 10, "racy traces: " + racyTraces);
        assertTrue(checkedForSoundness > TRACES / 2, "checked: " + checkedForSoundness);
    }

    @Test
    void hiddenRaceIsPredictedFromStd() throws IOException {
        Path file = dir.resolve("hidden.std");
        Files.write(file, List.of("T0|fork(T1)|1", "T0|w(V0)|2", "T0|acq(L0)|3", "T0|w(V1)|4", "T0|rel(L0)|5",
                "T1|acq(L0)|6", "T1|w(V2)|7", "T1|rel(L0)|8", "T1|r(V0)|9"));
        Races r = analyze(file, true);
        assertEquals(Set.of("V0"), r.predicted);
        assertEquals(Set.of("V0"), new ReorderingSearch(StdEvent.parse(Files.readAllLines(file))).run().racy);
    }

    /**
     * T1 reads V1 from T0's racy write, which T0 made after reading V0: in every correct
     * reordering T0's read of V0 comes before T1's write of V0, so V0 races only if V1's race
     * goes the other way (SHB, OOPSLA 2018). Plain WCP (like HB) reports V0; with the reads-from
     * order it does not.
     */
    @Test
    void raceThatOnlyFollowsAnEarlierRaceIsNotReportedOnItsOwn() throws IOException {
        Path file = dir.resolve("consequence.std");
        Files.write(file, List.of("T0|fork(T1)|1", "T0|r(V0)|2", "T0|w(V1)|3", "T1|r(V1)|4", "T1|w(V0)|5"));
        assertEquals(Set.of("V1"), new ReorderingSearch(StdEvent.parse(Files.readAllLines(file))).run().racy);
        assertEquals(Set.of("V0", "V1"), analyze(file, false).all);
        assertEquals(Set.of("V1"), analyze(file, true).all);
    }

    private static final class Races {
        final Set<String> all = new HashSet<>();
        final Set<String> predicted = new HashSet<>();
    }

    private static Races analyze(Path file, boolean readsFrom) throws IOException {
        Function<TraceState, PredictiveRaceAnalysis> factory = s -> new PredictiveRaceAnalysis(s, readsFrom);
        AnalysisSession session = new AnalysisSession(List.of(factory));
        Races races = new Races();
        session.analysis(PredictiveRaceAnalysis.class).observeRaces((object, slot, predicted) -> {
            String name = session.state().dictionary().field(slot).name();
            races.all.add(name);
            if (predicted) {
                races.predicted.add(name);
            }
        });
        StdTraceReader.read(file, session);
        return races;
    }

    /** A schedule of 2 or 3 threads, 10 to 22 events, simulated so that locks are well nested and exclusive. */
    static List<String> generate(SplittableRandom r) {
        RandomSchedule s = new RandomSchedule(r, 5); // most threads start at once, so their events can interleave
        int steps = s.size() + 10 + r.nextInt(11);
        while (s.size() < steps) {
            int i = r.nextInt(s.threads);
            if (!s.running(i)) {
                continue;
            }
            String t = "T" + i;
            List<String> stack = s.held(i);
            int op = r.nextInt(100);
            // Outside critical sections a thread mostly takes a lock, so that sections hand over
            // often and hide races behind their order.
            if (stack.isEmpty() && op < 45 && r.nextBoolean()) {
                op = 50;
            }
            if (op < 45) {
                // Inside sections mostly the thread's own data, so sections often do not conflict.
                int v = !stack.isEmpty() && r.nextInt(10) < 7 ? 3 + i : r.nextInt(3);
                s.add(t, (r.nextBoolean() ? "w" : "r") + "(V" + v + ")");
            } else if (op < 62) {
                s.acquire(i, "L" + r.nextInt(2));
            } else if (op < 79) {
                s.releaseInnermost(i);
            } else if (op < 84) {
                s.add(t, (r.nextBoolean() ? "vw" : "vr") + "(U0)");
            } else if (op < 88) {
                s.add(t, (r.nextBoolean() ? "hbr" : "hba") + "(X0)");
            } else if (i == 0) {
                s.startOrJoin(r);
            }
        }
        return s.lines();
    }
}
