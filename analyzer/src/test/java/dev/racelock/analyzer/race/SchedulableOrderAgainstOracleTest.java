package dev.racelock.analyzer.race;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The race analysis's reads-from order against schedulable happens-before computed from its
 * definition ({@link ShbOracle}), on thousands of seeded tiny random traces: threads that read
 * and write fields, take monitors, write and read a volatile, started and joined by main.
 *
 * <ul>
 *   <li>Every location the analysis finds racy by happens-before is one DJIT+ finds, as before,
 *       whether its races are reported as races or as consequences of earlier ones.</li>
 *   <li>Every location with a race that SHB leaves unordered (a schedulable race) is reported
 *       as a race, never only as a consequence: the analysis orders no more than SHB.</li>
 *   <li>Most locations that SHB orders are reported as consequences only; the analysis may keep
 *       some as races (SchedulableOrder leaves out what it cannot recover cheaply, and an
 *       object one thread alone has touched has no positions: RaceAnalysis.position), and the
 *       test requires that it finds the greater part.</li>
 * </ul>
 *
 * <p>The traces hold no access that repeats one of the same thread, location and kind within
 * an epoch: the agent drops such repeats (and the analysis skips them, FastTrack's same-epoch
 * rule), so neither can place them among the thread's other accesses (docs/analyses.md).
 */
class SchedulableOrderAgainstOracleTest {

    private static final int TRACES = 4000;
    private static final int THREADS = 4;

    @Test
    void racesAreTheSchedulableOnesAndConsequencesFollowThem() {
        int consequenceTraces = 0;
        int shbOrdered = 0;
        int foundAsConsequenceOnly = 0;
        int racyTraces = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            TraceScript script = generate(seed);
            ShbOracle hb = new ShbOracle(THREADS, false);
            ShbOracle shb = new ShbOracle(THREADS, true);
            script.replay(hb);
            script.replay(shb);
            Set<List<Long>> races = new HashSet<>();
            Set<List<Long>> consequences = new HashSet<>();
            AnalysisSession session = new AnalysisSession();
            session.analysis(RaceAnalysis.class).observeRaces((object, slot, count, consequence) ->
                    (consequence ? consequences : races).add(List.of(object, (long) slot)));
            script.replay(session);

            Set<List<Long>> both = new HashSet<>(races);
            both.addAll(consequences);
            assertEquals(hb.racy, both, "seed " + seed + ": racy by happens-before");
            assertTrue(races.containsAll(shb.racy), "seed " + seed + ": schedulable races " + shb.racy
                    + " must be reported as races, were " + races);
            Set<List<Long>> ordered = new HashSet<>(hb.racy);
            ordered.removeAll(shb.racy);
            shbOrdered += ordered.size();
            for (List<Long> x : ordered) {
                foundAsConsequenceOnly += races.contains(x) ? 0 : 1;
            }
            consequenceTraces += consequences.isEmpty() ? 0 : 1;
            racyTraces += hb.racy.isEmpty() ? 0 : 1;
        }
        // The traces must exercise every outcome, or the comparison proves little. (At this
        // writing: 2,631 racy traces, 1,451 with consequences; of the 160 racy locations that SHB
        // orders, 120 are reported as consequences only: most of the others are fields of the
        // object no thread set up before the others touched it, RaceAnalysis.position.)
        assertTrue(racyTraces > TRACES / 2 && racyTraces < TRACES * 9 / 10, "racy traces: " + racyTraces);
        assertTrue(consequenceTraces > TRACES / 10, "traces with consequences: " + consequenceTraces);
        assertTrue(foundAsConsequenceOnly * 10 > shbOrdered * 7,
                "SHB-ordered racy locations reported as consequences only: " + foundAsConsequenceOnly + " of " + shbOrdered);
    }

    /** A thread's part of the schedule: the monitor it holds (or -1), what it accessed in its present epoch. */
    private static final class ThreadState {
        final int id;
        int held = -1;
        final Set<List<Integer>> accessedThisEpoch = new HashSet<>();

        ThreadState(int id) {
            this.id = id;
        }
    }

    static TraceScript generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int startSite = s.site("com.acme.Main", "main", 3);
        int n = 2 + r.nextInt(THREADS - 1);
        List<ThreadState> threads = new ArrayList<>();
        threads.add(new ThreadState(main));
        for (int i = 1; i < n; i++) {
            threads.add(new ThreadState(s.thread("t" + i, main, startSite)));
        }
        // b is static: its accesses always have their place; a's have theirs once a second thread
        // touched the object (RaceAnalysis.position)
        int[] fields = {s.field("com.acme.R", "a", "I"), s.staticField("com.acme.R", "b", "I")};
        long[] objects = {s.object("com.acme.R"), s.object("com.acme.R")};
        int flag = s.field("com.acme.R", "flag", "Z");
        long[] locks = {s.object("java.lang.Object"), s.object("java.lang.Object")};
        int[] lockOwner = {-1, -1};
        int site = s.site("com.acme.R", "run", 10);
        // main sets up the first object before it starts the threads; the second is touched first
        // by whichever thread comes to it
        s.write(main, objects[0], fields[0], site);
        for (int i = 1; i < n; i++) {
            s.start(main, threads.get(i).id, startSite);
        }
        threads.get(0).accessedThisEpoch.clear();
        // A third of the traces keep to a discipline, so that some are free of races: every access
        // under the first monitor (skipped when the thread does not hold it).
        boolean disciplined = r.nextInt(3) == 0;
        int steps = 10 + r.nextInt(40);
        for (int step = 0; step < steps; step++) {
            ThreadState t = threads.get(r.nextInt(n));
            int op = r.nextInt(20);
            if (op < 13) {
                int o = r.nextInt(objects.length);
                int f = r.nextInt(fields.length);
                boolean write = r.nextBoolean();
                if ((!disciplined || t.held == 0) && t.accessedThisEpoch.add(List.of(o, f, write ? 1 : 0))) {
                    if (write) {
                        s.write(t.id, objects[o], fields[f], site);
                    } else {
                        s.read(t.id, objects[o], fields[f], site);
                    }
                }
            } else if (op < 17) {
                if (t.held >= 0) {
                    s.unlock(t.id, locks[t.held], site);
                    lockOwner[t.held] = -1;
                    t.held = -1;
                    t.accessedThisEpoch.clear(); // a release ends the epoch
                } else {
                    int l = r.nextInt(locks.length);
                    if (lockOwner[l] < 0) {
                        s.lock(t.id, locks[l], site);
                        lockOwner[l] = t.id;
                        t.held = l;
                    }
                }
            } else if (op < 18) {
                s.volatileWrite(t.id, objects[0], flag, site);
                t.accessedThisEpoch.clear();
            } else {
                s.volatileRead(t.id, objects[0], flag, site);
            }
        }
        for (ThreadState t : threads) {
            if (t.held >= 0) {
                s.unlock(t.id, locks[t.held], site);
            }
        }
        for (int i = 1; i < n; i++) {
            if (r.nextBoolean()) {
                s.end(threads.get(i).id).join(main, threads.get(i).id, startSite);
            }
        }
        // main goes on after the joins, in the epoch it was in: only what it has not done there yet
        ThreadState m = threads.get(0);
        if (disciplined) {
            return s;
        }
        if (m.accessedThisEpoch.add(List.of(0, 0, 0))) {
            s.read(main, objects[0], fields[0], site);
        }
        if (m.accessedThisEpoch.add(List.of(1, 1, 1))) {
            s.write(main, objects[1], fields[1], site);
        }
        return s;
    }
}
