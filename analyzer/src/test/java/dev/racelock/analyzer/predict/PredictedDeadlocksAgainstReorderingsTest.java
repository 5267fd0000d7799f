package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.std.StdTraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadlock prediction against exhaustive search, on seeded random STD traces of 2 or 3
 * threads taking 3 locks in nested, often inverted orders between plain accesses (and, in some
 * traces, volatile accesses and hand-offs):
 * <ul>
 *   <li>sound: whenever the analysis reports a {@code predicted-deadlock}, some correct
 *       reordering of the trace ends with threads each waiting for a lock the next one holds
 *       ({@link ReorderingSearch}); and a sync-preserving one does (the class it decides);</li>
 *   <li>complete for its class: whenever a sync-preserving correct reordering deadlocks, the
 *       analysis reports a predicted deadlock, on the traces without volatile accesses or
 *       hand-offs (with them, the lock-order filter also drops cycles whose acquisitions those
 *       order in happens-before, which a reordering may still separate when a later write
 *       intervenes: docs/analyses.md).</li>
 * </ul>
 */
class PredictedDeadlocksAgainstReorderingsTest {

    private static final int TRACES = 1200;

    @TempDir
    Path dir;

    @Test
    void predictedDeadlocksAreExactlyTheSyncPreservingOnes() throws IOException {
        int predicted = 0;
        int potentialOnly = 0;
        int beyondSyncPreserving = 0;
        int compared = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            boolean withSync = random.nextInt(3) == 0;
            List<String> lines = generate(random, withSync);
            Path file = dir.resolve("t" + seed + ".std");
            Files.write(file, lines);
            List<StdEvent> events = StdEvent.parse(lines);
            AnalysisResult r = analyze(file);
            boolean reportsPredicted = !ofType(r, FindingType.PREDICTED_DEADLOCK).isEmpty();
            boolean reportsPotential = !ofType(r, FindingType.DEADLOCK).isEmpty();
            boolean real = new ReorderingSearch(events).run().deadlock;
            boolean syncPreserving = new ReorderingSearch(events, true).run().deadlock;
            String trace = "seed " + seed + "\n" + String.join("\n", lines) + "\n" + r.findings();
            if (reportsPredicted) {
                assertTrue(real, "predicted, but no reordering deadlocks: " + trace);
                assertTrue(syncPreserving, "predicted, but no sync-preserving reordering deadlocks: " + trace);
                predicted++;
            }
            if (!withSync) {
                compared++;
                assertEquals(syncPreserving, reportsPredicted, "a sync-preserving reordering deadlocks: " + trace);
            }
            if (reportsPotential && !reportsPredicted) {
                potentialOnly++;
            }
            if (real && !syncPreserving) {
                beyondSyncPreserving++;
            }
        }
        // The generator must yield all three outcomes in numbers.
        assertTrue(predicted > TRACES / 10, "traces with a predicted deadlock: " + predicted);
        assertTrue(potentialOnly > TRACES / 50, "traces with only a potential deadlock: " + potentialOnly);
        assertTrue(beyondSyncPreserving > 0, "traces whose deadlock needs critical sections reordered: "
                + beyondSyncPreserving);
        assertTrue(compared > TRACES / 2, "compared: " + compared);
    }

    private static List<?> ofType(AnalysisResult r, FindingType type) {
        return r.findings().stream().filter(f -> f.type() == type).toList();
    }

    private static AnalysisResult analyze(Path file) throws IOException {
        AnalysisSession session = new AnalysisSession(AnalysisSet.PREDICTIVE.factories());
        StdTraceReader.read(file, session);
        session.end(new TraceEnd(session.events(), true, null));
        return session.result();
    }

    /**
     * A schedule of 2 or 3 threads, 12 to 30 events, simulated so that locks are exclusive and
     * well nested: threads mostly run blocks that take two of three locks, one inside the other,
     * in either order (so that inversions are common), sometimes interleaved with the other
     * threads' single steps; plain accesses to a few shared variables carry the reads-from
     * order that rules some inversions out.
     */
    static List<String> generate(SplittableRandom r, boolean withSync) {
        RandomSchedule s = new RandomSchedule(r, 4);
        int steps = s.size() + 12 + r.nextInt(19);
        while (s.size() < steps) {
            int i = r.nextInt(s.threads);
            if (!s.running(i)) {
                continue;
            }
            String t = "T" + i;
            List<String> stack = s.held(i);
            int op = r.nextInt(100);
            if (op < 35 && stack.isEmpty()) {
                // A whole block: first lock, maybe an access, second lock, maybe an access, both released.
                String first = "L" + r.nextInt(3);
                String second = "L" + ((first.charAt(1) - '0' + 1 + r.nextInt(2)) % 3);
                if (s.heldByAnyone(first) || s.heldByAnyone(second)) {
                    continue;
                }
                s.add(t, "acq(" + first + ")");
                maybeAccess(r, t, s);
                s.add(t, "acq(" + second + ")");
                maybeAccess(r, t, s);
                s.add(t, "rel(" + second + ")");
                s.add(t, "rel(" + first + ")");
            } else if (op < 50) {
                s.add(t, (r.nextBoolean() ? "w" : "r") + "(V" + r.nextInt(3) + ")");
            } else if (op < 68 && stack.size() < 3) {
                s.acquire(i, "L" + r.nextInt(3));
            } else if (op < 88) {
                s.releaseInnermost(i);
            } else if (op < 94 && withSync) {
                if (r.nextBoolean()) {
                    s.add(t, (r.nextBoolean() ? "vw" : "vr") + "(U0)");
                } else {
                    s.add(t, (r.nextBoolean() ? "hbr" : "hba") + "(X0)");
                }
            } else if (i == 0) {
                s.startOrJoin(r);
            }
        }
        return s.lines();
    }

    private static void maybeAccess(SplittableRandom r, String t, RandomSchedule s) {
        if (r.nextInt(3) == 0) {
            s.add(t, (r.nextBoolean() ? "w" : "r") + "(V" + r.nextInt(3) + ")");
        }
    }
}
