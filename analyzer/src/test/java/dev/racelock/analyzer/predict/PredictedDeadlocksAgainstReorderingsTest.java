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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        int n = 2 + r.nextInt(2);
        List<String> out = new ArrayList<>();
        int[] status = new int[n]; // 0 not started, 1 running, 2 joined
        status[0] = 1;
        List<List<String>> held = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            held.add(new ArrayList<>());
        }
        Map<String, Integer> owner = new HashMap<>();
        for (int child = 1; child < n; child++) {
            if (r.nextInt(4) > 0) {
                out.add("T0|fork(T" + child + ")|" + (10 + out.size()));
                status[child] = 1;
            }
        }
        int steps = out.size() + 12 + r.nextInt(19);
        while (out.size() < steps) {
            int i = r.nextInt(n);
            if (status[i] != 1) {
                continue;
            }
            String t = "T" + i;
            List<String> stack = held.get(i);
            int op = r.nextInt(100);
            if (op < 35 && stack.isEmpty()) {
                // A whole block: first lock, maybe an access, second lock, maybe an access, both released.
                String first = "L" + r.nextInt(3);
                String second = "L" + ((first.charAt(1) - '0' + 1 + r.nextInt(2)) % 3);
                if (owner.containsKey(first) || owner.containsKey(second)) {
                    continue;
                }
                out.add(t + "|acq(" + first + ")|" + (10 + out.size()));
                maybeAccess(r, t, out);
                out.add(t + "|acq(" + second + ")|" + (10 + out.size()));
                maybeAccess(r, t, out);
                out.add(t + "|rel(" + second + ")|" + (10 + out.size()));
                out.add(t + "|rel(" + first + ")|" + (10 + out.size()));
            } else if (op < 50) {
                out.add(t + "|" + (r.nextBoolean() ? "w" : "r") + "(V" + r.nextInt(3) + ")|" + (10 + out.size()));
            } else if (op < 68 && stack.size() < 3) {
                String l = "L" + r.nextInt(3);
                Integer o = owner.get(l);
                if (o == null || o == i) {
                    owner.put(l, i);
                    stack.add(l);
                    out.add(t + "|acq(" + l + ")|" + (10 + out.size()));
                }
            } else if (op < 88) {
                if (!stack.isEmpty()) {
                    String l = stack.remove(stack.size() - 1);
                    if (!stack.contains(l)) {
                        owner.remove(l);
                    }
                    out.add(t + "|rel(" + l + ")|" + (10 + out.size()));
                }
            } else if (op < 94 && withSync) {
                if (r.nextBoolean()) {
                    out.add(t + "|" + (r.nextBoolean() ? "vw" : "vr") + "(U0)|" + (10 + out.size()));
                } else {
                    out.add(t + "|" + (r.nextBoolean() ? "hbr" : "hba") + "(X0)|" + (10 + out.size()));
                }
            } else if (i == 0) {
                int child = 1 + r.nextInt(n - 1);
                if (status[child] == 0) {
                    out.add("T0|fork(T" + child + ")|" + (10 + out.size()));
                    status[child] = 1;
                } else if (status[child] == 1 && held.get(child).isEmpty() && r.nextBoolean()) {
                    out.add("T0|join(T" + child + ")|" + (10 + out.size()));
                    status[child] = 2;
                }
            }
        }
        return out;
    }

    private static void maybeAccess(SplittableRandom r, String t, List<String> out) {
        if (r.nextInt(3) == 0) {
            out.add(t + "|" + (r.nextBoolean() ? "w" : "r") + "(V" + r.nextInt(3) + ")|" + (10 + out.size()));
        }
    }
}
