package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.BinaryTraceExporter;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Format 2 records a stack only where an event happens (a context event naming a node of the
 * trace's tree) instead of an event per method enter and exit. It must change no finding: the
 * same findings, types, fields, lines and stacks. Hundreds of seeded random multi-threaded
 * programs with nested calls (some entered with stale call sites, as from uninstrumented code),
 * shared fields, nested locks and lock inversions are written by the real writer twice, with an
 * event per method enter and exit (as format 1 recorded them) and as format 2 records them, and
 * both traces are analyzed.
 */
class CallingContextEncodingTest {

    private static final int PROGRAMS = 300;

    @TempDir
    Path dir;

    @Test
    void aFormat2TraceGivesTheFindingsOfEveryEnterAndExit() throws IOException {
        int withRaces = 0;
        int withDeadlocks = 0;
        int deepStacks = 0;
        for (int seed = 0; seed < PROGRAMS; seed++) {
            TraceScript program = generate(new SplittableRandom(seed));
            AnalysisResult calls = Analyzer.analyze(List.of(write(program, dir.resolve(seed + "-calls.rlt"),
                    TraceWriter.Contexts.CALL_EVENTS)), null);
            AnalysisResult tree = Analyzer.analyze(List.of(write(program, dir.resolve(seed + "-tree.rlt"),
                    TraceWriter.Contexts.TREE)), null);
            assertSameFindings(calls.findings(), tree.findings(), seed);
            assertTrue(tree.warnings().isEmpty(), tree.warnings().toString());
            List<Finding> races = TraceScript.ofType(calls, FindingType.DATA_RACE);
            withRaces += races.isEmpty() ? 0 : 1;
            withDeadlocks += TraceScript.ofType(calls, FindingType.DEADLOCK).isEmpty() ? 0 : 1;
            deepStacks += races.stream().anyMatch(f -> f.accesses().get(0).stack().size() >= 3) ? 1 : 0;
        }
        // the programs must exercise what is compared, or the comparison proves little
        assertTrue(withRaces > PROGRAMS / 2, "programs with races: " + withRaces);
        assertTrue(withDeadlocks > PROGRAMS / 20, "programs with deadlocks: " + withDeadlocks);
        assertTrue(deepStacks > PROGRAMS / 4, "races with stacks of 3 frames or more: " + deepStacks);
    }

    /** Equal lists, or a failure that names the first finding that differs (whole lists are long). */
    private static void assertSameFindings(List<Finding> expected, List<Finding> actual, int seed) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "seed " + seed + ", finding " + i);
        }
        assertEquals(expected.size(), actual.size(), "seed " + seed + ": findings");
    }

    private static Path write(TraceScript program, Path file, TraceWriter.Contexts contexts) {
        BinaryTraceExporter exporter = new BinaryTraceExporter(file, contexts);
        exporter.header(new TraceHeader(2, 1, 0, "17", "generated", "", true, true));
        program.replay(exporter);
        exporter.end(new TraceEnd(0, true, null));
        return file;
    }

    private static TraceScript generate(SplittableRandom r) {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int methods = 6;
        int linesPerMethod = 4;
        int[] method = new int[methods];
        int[][] sites = new int[methods][linesPerMethod];
        for (int m = 0; m < methods; m++) {
            String owner = "com.acme.C" + (m % 3);
            method[m] = s.method(owner, "m" + m);
            for (int l = 0; l < linesPerMethod; l++) {
                sites[m][l] = s.site(owner, "m" + m, 10 * m + l);
            }
        }
        int[] fields = {s.field("com.acme.Shared", "a", "I"), s.field("com.acme.Shared", "b", "J")};
        long[] objects = {s.object("com.acme.Shared"), s.object("com.acme.Shared")};
        long[] locks = {s.object("java.lang.Object"), s.object("java.lang.Object"), s.object("java.lang.Object")};
        int n = 2 + r.nextInt(3);
        int[] thread = new int[n];
        List<List<Integer>> stacks = new ArrayList<>();
        List<List<Long>> held = new ArrayList<>();
        int[] owner = new int[locks.length];
        java.util.Arrays.fill(owner, -1);
        for (int i = 0; i < n; i++) {
            thread[i] = s.thread("t" + i, main, sites[0][0]);
            s.start(main, thread[i], sites[0][0]);
            stacks.add(new ArrayList<>());
            held.add(new ArrayList<>());
        }
        int steps = 80 + r.nextInt(300);
        for (int step = 0; step < steps; step++) {
            int i = r.nextInt(n);
            int t = thread[i];
            List<Integer> stack = stacks.get(i);
            int top = stack.isEmpty() ? 0 : stack.get(stack.size() - 1);
            int site = sites[top][r.nextInt(linesPerMethod)];
            int op = r.nextInt(100);
            if (op < 25 && stack.size() < 12) {
                int callee = r.nextInt(methods);
                // a call site in the caller; none at the bottom; now and then a stale one
                int callSite = r.nextInt(10) == 0 ? sites[r.nextInt(methods)][0] : stack.isEmpty() ? -1 : site;
                s.enter(t, method[callee], callSite);
                stack.add(callee);
            } else if (op < 45) {
                s.exit(t);
                if (!stack.isEmpty()) {
                    stack.remove(stack.size() - 1);
                }
            } else if (op < 75) {
                long o = objects[r.nextInt(objects.length)];
                int f = fields[r.nextInt(fields.length)];
                if (r.nextBoolean()) {
                    s.write(t, o, f, site);
                } else {
                    s.read(t, o, f, site);
                }
            } else if (op < 88) {
                int l = r.nextInt(locks.length);
                if (owner[l] == -1 || owner[l] == i) {
                    owner[l] = i;
                    s.lock(t, locks[l], site);
                    held.get(i).add((long) l);
                }
            } else if (!held.get(i).isEmpty()) {
                int l = (int) (long) held.get(i).remove(held.get(i).size() - 1);
                s.unlock(t, locks[l], site);
                if (!held.get(i).contains((long) l)) {
                    owner[l] = -1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = held.get(i).size() - 1; k >= 0; k--) {
                s.unlock(thread[i], locks[(int) (long) held.get(i).get(k)], sites[0][1]);
            }
            for (int k = 0; k < stacks.get(i).size(); k++) {
                s.exit(thread[i]);
            }
            s.end(thread[i]);
            s.join(main, thread[i], sites[0][2]);
        }
        return s;
    }
}
