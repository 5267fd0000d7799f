package dev.racelock.agent.runtime;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.files.TraceFiles;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost (docs/agent.md, "Sections left out"): seeded random mode=locks executions
 * (threads entering synchronized methods and blocks of four monitors, nested up to three deep in
 * random orders at a few sites, with waits, hand-offs between threads and inside sections) recorded
 * through {@link ElidedSections} and without it, each into a real trace file, read back and
 * analyzed with both analysis sets, give exactly the same findings.
 */
class SectionElisionDifferentialTest {

    private static final int EXECUTIONS = 300;
    private static final int THREADS = 3;
    private static final long[] MONITORS = {950, 951, 952, 953};
    private static final long[] TOKENS = {960, 961};
    private static final int SITES = 4;

    @TempDir
    Path dir;

    /** One step of one thread, replayed through its context. */
    private record Step(int thread, int kind, long lock, int site) {}

    private static final int ENTER = 0, EXIT = 1, WAIT = 2, RELEASE = 3, ACQUIRE = 4, BLOCK = 5, CALL = 6, RETURN = 7;
    /** Methods 2..METHODS + 1 are called ({@code lock} of a CALL or RETURN step is the method, {@code site} the call site). */
    private static final int METHODS = 3;
    /** How a level of a nest is called: its section in the caller, inside a call, or taken in a callee that returns holding it. */
    private static final int IN_CALLER = 0, INSIDE_A_CALL = 1, TAKEN_IN_A_CALLEE = 2;

    /**
     * @param innerRepeats whether the innermost section of a nest is entered several times under
     *                     the same held locks; else the whole nest is entered again each time
     */
    private static List<Step> generate(long seed, boolean innerRepeats) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Step> steps = new ArrayList<>();
        int episodes = 10 + r.nextInt(30);
        for (int e = 0; e < episodes; e++) {
            int t = r.nextInt(THREADS);
            int kind = r.nextInt(10);
            if (kind == 0) {
                steps.add(new Step(t, RELEASE, TOKENS[r.nextInt(TOKENS.length)], 0));
            } else if (kind == 1) {
                steps.add(new Step(t, ACQUIRE, TOKENS[r.nextInt(TOKENS.length)], 0));
            } else {
                // a nest of synchronized methods, repeated a few times (what the elision is for)
                int depth = 1 + r.nextInt(3);
                long[] nest = new long[depth];
                int[] sites = new int[depth];
                int[] calls = new int[depth];
                int[] methods = new int[depth];
                for (int d = 0; d < depth; d++) {
                    nest[d] = MONITORS[r.nextInt(MONITORS.length)];
                    sites[d] = r.nextInt(SITES);
                    calls[d] = r.nextInt(3);
                    methods[d] = 2 + r.nextInt(METHODS);
                }
                for (int repeat = 1 + r.nextInt(4); repeat > 0; repeat--) {
                    for (int d = 0; d < depth - 1; d++) {
                        enter(steps, t, r, nest[d], sites[d], calls[d], methods[d]);
                    }
                    // the innermost section, several times under the same held locks (what the elision is for)
                    for (int inner = innerRepeats ? 1 + r.nextInt(3) : 1; inner > 0; inner--) {
                        enter(steps, t, r, nest[depth - 1], sites[depth - 1], calls[depth - 1], methods[depth - 1]);
                        int inside = r.nextInt(12);
                        // an event inside, maybe in a call: the held-back acquire is written then. Its stack
                        // reaches no finding (a section taken holding nothing is only an edge's first lock,
                        // a repeat's edge keeps its first witness): ElidedSectionsTest checks the context
                        int callee = inside < 2 && r.nextBoolean() ? 2 + r.nextInt(METHODS) : 0;
                        if (callee != 0) {
                            steps.add(new Step(t, CALL, callee, r.nextInt(SITES)));
                        }
                        if (inside == 0) {
                            steps.add(new Step(t, WAIT, nest[depth - 1], sites[depth - 1]));
                        } else if (inside == 1) {
                            steps.add(new Step(t, RELEASE, TOKENS[r.nextInt(TOKENS.length)], 0));
                        }
                        if (callee != 0) {
                            steps.add(new Step(t, RETURN, callee, 0));
                        }
                        if (inside > 1 && inside < 5) { // a call that records nothing: the section may still be left out
                            int method = 2 + r.nextInt(METHODS);
                            steps.add(new Step(t, CALL, method, r.nextInt(SITES)));
                            steps.add(new Step(t, RETURN, method, 0));
                        }
                        exit(steps, t, nest[depth - 1], sites[depth - 1], calls[depth - 1], methods[depth - 1]);
                    }
                    for (int d = depth - 2; d >= 0; d--) {
                        exit(steps, t, nest[d], sites[d], calls[d], methods[d]);
                    }
                }
            }
        }
        return steps;
    }

    /** A section of a nest entered as {@code call} says (IN_CALLER, INSIDE_A_CALL, TAKEN_IN_A_CALLEE). */
    private static void enter(List<Step> steps, int t, SplittableRandom r, long lock, int site, int call, int method) {
        if (call != IN_CALLER) {
            steps.add(new Step(t, CALL, method, site));
        }
        steps.add(new Step(t, enter(r), lock, site));
        if (call == TAKEN_IN_A_CALLEE) {
            steps.add(new Step(t, RETURN, method, 0)); // a lock() wrapper: the caller holds the lock on
        }
    }

    /** Its release, and the return from the call it was inside. */
    private static void exit(List<Step> steps, int t, long lock, int site, int call, int method) {
        steps.add(new Step(t, EXIT, lock, site));
        if (call == INSIDE_A_CALL) {
            steps.add(new Step(t, RETURN, method, 0));
        }
    }

    /** A synchronized method (no request) or a synchronized block (a request first). */
    private static int enter(SplittableRandom r) {
        return r.nextBoolean() ? ENTER : BLOCK;
    }

    private static void replay(List<Step> steps, IntFunction<ThreadContext> contextOf) {
        for (Step s : steps) {
            ThreadContext c = contextOf.apply(s.thread);
            switch (s.kind) {
                case ENTER -> c.synchronizedMethodEntered(s.lock, s.site);
                case BLOCK -> {
                    c.lockRequest(s.lock, s.site, LockFlags.MONITOR);
                    c.lockAcquire(s.lock, s.site, LockFlags.MONITOR);
                }
                case EXIT -> c.lockRelease(s.lock, s.site, LockFlags.MONITOR);
                case WAIT -> {
                    c.lockRelease(s.lock, s.site, LockFlags.MONITOR | LockFlags.WAIT);
                    c.lockAcquire(s.lock, s.site, LockFlags.MONITOR | LockFlags.WAIT);
                }
                case RELEASE -> c.recorder.hbRelease(s.lock, 0);
                case ACQUIRE -> c.recorder.hbAcquire(s.lock, 0);
                case CALL -> c.calls.methodEnter((int) s.lock, s.site);
                case RETURN -> c.calls.methodExit((int) s.lock);
                default -> throw new AssertionError(s);
            }
        }
    }

    @Test
    void leavingOutRepeatedSectionsChangesNoFinding() throws IOException {
        long dropped = 0;
        int withDeadlocks = 0;
        for (int execution = 0; execution < 2 * EXECUTIONS; execution++) {
            int seed = execution / 2;
            boolean innerRepeats = execution % 2 == 1;
            List<Step> steps = generate(seed, innerRepeats);
            for (AnalysisSet set : AnalysisSet.values()) {
                Recorded all = record(steps, false, set, "all-" + execution);
                Recorded elided = record(steps, true, set, "elided-" + execution);
                assertEquals(all.findings, elided.findings, "seed " + seed + (innerRepeats ? " (inner repeats), " : ", ") + set);
                dropped += all.events - elided.events;
                if (set == AnalysisSet.HB && all.findings.stream().anyMatch(f -> f.type() == FindingType.DEADLOCK)) {
                    withDeadlocks++;
                }
            }
        }
        // The comparison proves something only if sections were left out and cycles found.
        assertTrue(dropped > EXECUTIONS * 10L, "dropped " + dropped);
        assertTrue(withDeadlocks > EXECUTIONS / 4, "executions with a lock-order cycle " + withDeadlocks);
    }

    private record Recorded(List<Finding> findings, long events) {}

    private Recorded record(List<Step> steps, boolean elide, AnalysisSet set, String name) throws IOException {
        Path file = dir.resolve(name + ".rlt");
        TraceWriter writer = TraceWriter.open(file, new TraceHeader(1, 1, 0, "17", "test", "mode=locks", false, true),
                1000);
        WriterOutput out = new WriterOutput(writer, file.toString(), System.err);
        out.dictionary().defineMethod(new MethodInfo(1, "com.acme.Shared", "work", "()V", "Shared.java"));
        for (int m = 2; m <= METHODS + 1; m++) {
            out.dictionary().defineMethod(new MethodInfo(m, "com.acme.Shared", "call" + m, "()V", "Shared.java"));
        }
        for (int s = 0; s < SITES; s++) {
            out.dictionary().defineSite(new SiteInfo(s, 1, 10 + s));
        }
        for (long m : MONITORS) {
            out.dictionary().defineObject(new ObjectInfo(m, "com.acme.Monitor" + (m - MONITORS[0]), -1, -1));
        }
        ThreadContext[] contexts = new ThreadContext[THREADS];
        for (int t = 0; t < THREADS; t++) {
            out.dictionary().defineThread(new ThreadInfo(t, "t" + t, -1, -1, false));
            EventRecorder recorder = out.newRecorder(t);
            contexts[t] = new ThreadContext(t, elide ? new ElidedSections(recorder) : recorder);
        }
        replay(steps, t -> contexts[t]);
        out.close();
        AnalysisSession session = new AnalysisSession(set.factories());
        TraceFiles.read(file, session, ReadProgress.NONE);
        Files.delete(file);
        return new Recorded(session.result().findings(), session.events());
    }
}
