package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.std.StdTraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The predictions keep an array's elements by runs that share one state (collect.ElementRuns);
 * the rules must still see each element alone. The random traces of the oracle tests are
 * analyzed twice: with their variables as fields, each with a state of its own, and as the
 * elements of one array (variable i is element i): every race the predictive race analysis finds
 * (location, predicted or not, in order) and every deadlock finding must be the same. Half of the
 * traces give every access one site, so that neighbouring elements often have equal states and
 * their runs merge and split.
 */
class ArrayElementsAsFieldsTest {

    private static final int TRACES = 1200;

    @TempDir
    Path dir;

    @Test
    void racesOfArrayElementsAreThoseOfFields() throws IOException {
        int racy = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            List<String> lines = oneSite(PredictionAgainstOraclesTest.generate(new SplittableRandom(seed)), seed);
            Path file = dir.resolve("r" + seed + ".std");
            Files.write(file, lines);
            Run fields = analyze(file, false);
            Run elements = analyze(file, true);
            assertEquals(fields.races, elements.races, "seed " + seed + "\n" + String.join("\n", lines));
            if (!fields.races.isEmpty()) {
                racy++;
            }
        }
        assertTrue(racy > TRACES / 10, "racy traces: " + racy);
    }

    @Test
    void deadlockPredictionsWithArrayElementsAreThoseWithFields() throws IOException {
        int predicted = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> lines = oneSite(PredictedDeadlocksAgainstReorderingsTest.generate(random, random.nextInt(3) == 0), seed);
            Path file = dir.resolve("d" + seed + ".std");
            Files.write(file, lines);
            Run fields = analyze(file, false);
            Run elements = analyze(file, true);
            assertEquals(fields.deadlocks, elements.deadlocks, "seed " + seed + "\n" + String.join("\n", lines));
            if (fields.deadlocks.stream().anyMatch(d -> d.startsWith(FindingType.PREDICTED_DEADLOCK.name()))) {
                predicted++;
            }
        }
        assertTrue(predicted > TRACES / 10, "traces with a predicted deadlock: " + predicted);
    }

    /** For odd seeds, every plain access at one site (STD's third field), so that states of neighbours are equal more often. */
    private static List<String> oneSite(List<String> lines, int seed) {
        if (seed % 2 == 0) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] p = line.split("\\|");
            boolean plain = p[1].startsWith("r(") || p[1].startsWith("w(");
            out.add(plain ? p[0] + "|" + p[1] + "|1" : line);
        }
        return out;
    }

    private static final class Run {
        final List<String> races = new ArrayList<>();
        final List<String> deadlocks = new ArrayList<>();
    }

    private static Run analyze(Path file, boolean asElements) throws IOException {
        AnalysisSession session = new AnalysisSession(AnalysisSet.PREDICTIVE.factories());
        Run run = new Run();
        session.analysis(PredictiveRaceAnalysis.class).observeRaces(
                (object, slot, predicted) -> run.races.add(slot + (predicted ? " predicted" : " seen")));
        StdTraceReader.read(file, asElements ? variablesAsElements(session) : session);
        session.end(new TraceEnd(session.events(), true, null));
        AnalysisResult result = session.result();
        for (Finding f : result.findings()) {
            if (f.type() == FindingType.DEADLOCK || f.type() == FindingType.PREDICTED_DEADLOCK) {
                run.deadlocks.add(f.type().name() + " " + f.fingerprint());
            }
        }
        return run;
    }

    /** The session, with a read or write of variable i (field i of object 0) as one of element i of array 0. */
    private static EventVisitor variablesAsElements(AnalysisSession session) {
        return (EventVisitor) Proxy.newProxyInstance(EventVisitor.class.getClassLoader(), new Class<?>[] {EventVisitor.class},
                (proxy, method, args) -> {
                    try {
                        switch (method.getName()) {
                            case "read" -> session.arrayRead((int) args[0], (long) args[1], (int) args[2], (int) args[3]);
                            case "write" -> session.arrayWrite((int) args[0], (long) args[1], (int) args[2], (int) args[3]);
                            default -> {
                                return method.invoke(session, args);
                            }
                        }
                        return null;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
