package dev.racelock.analyzer.race;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.hb.HappensBefore;
import dev.racelock.analyzer.lockorder.LockOrderAnalysis;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clocks as wide as the threads that matter: an ended thread's clock slot goes to a thread
 * started later only when that start knows everything of the ended thread an analysis kept.
 */
class ShortLivedThreadsTest {

    /** Fewer than HappensBefore.EXACT_SLOTS: every slot handed on is handed on soundly. */
    private static final int THREADS = 200;
    private static final int ALIVE = 20;

    /** How main learns that a worker is done. */
    private enum Done { JOIN, LATCH, NOTHING }

    /**
     * Main keeps {@link #ALIVE} workers running, {@link #THREADS} in all; each writes its own
     * entry, publishes it through a volatile, and ends; main learns of the end as told.
     */
    private static AnalysisSession run(Done done) {
        return run(done, false, LastOwnedAccess.UNKNOWN, THREADS);
    }

    private static AnalysisSession run(Done done, boolean owned, int lastOwnedAccess) {
        return run(done, owned, lastOwnedAccess, THREADS);
    }

    /**
     * As {@link #run(Done)}; with {@code owned} the trace was recorded with the ownership filter
     * (accesses may come late), and each worker's end says {@code lastOwnedAccess}. A worker
     * makes two releases: its volatile write, then (with {@link Done#LATCH}) the latch.
     */
    private static AnalysisSession run(Done done, boolean owned, int lastOwnedAccess, int threads) {
        TraceScript s = new TraceScript();
        if (owned) {
            s.ownedHeader();
        }
        int main = s.thread("main");
        int site = s.site("com.acme.Pool", "work", 10);
        int value = s.field("com.acme.Entry", "value", "I");
        int state = s.field("com.acme.Entry", "state", "I");
        Deque<int[]> running = new ArrayDeque<>(); // {thread, latch index}
        for (int i = 0; i < threads; i++) {
            if (running.size() == ALIVE) {
                int[] w = running.removeFirst();
                if (done == Done.JOIN) {
                    s.join(main, w[0], site);
                } else if (done == Done.LATCH) {
                    s.hbAcquire(main, 1_000_000 + w[1], site);
                }
            }
            int t = s.thread("worker-" + i, main, site);
            long entry = s.object("com.acme.Entry");
            s.start(main, t, site).write(t, entry, value, site).volatileWrite(t, entry, state, site);
            if (done == Done.LATCH) {
                s.hbRelease(t, 1_000_000 + i, site);
            }
            s.end(t, lastOwnedAccess);
            running.addLast(new int[] {t, i});
        }
        AnalysisSession session = s.session();
        session.end(new TraceEnd(session.events(), true, null));
        return session;
    }

    @Test
    void joinedThreadsHandTheirSlotsOn() {
        assertEquals(ALIVE + 1, run(Done.JOIN).analysis(RaceAnalysis.class).clockSlots());
    }

    @Test
    void threadsThatSignalTheirEndThroughAHandOffHandTheirSlotsOn() {
        assertEquals(ALIVE + 1, run(Done.LATCH).analysis(RaceAnalysis.class).clockSlots());
    }

    @Test
    void threadsNobodyHeardFromKeepTheirSlots() {
        assertEquals(THREADS + 1, run(Done.NOTHING).analysis(RaceAnalysis.class).clockSlots());
    }

    // ---- clocks too wide: slots handed on before their thread's last moments were known

    /**
     * 2,000 threads nobody hears from: the first 255 take new slots; from then on, every start
     * takes an ended thread's slot anyway, and the report says that races may have been missed.
     */
    @Test
    void clocksStopGrowingAtTheirWidthAndTheReportSaysWhatMayBeMissed() {
        AnalysisSession session = run(Done.NOTHING, false, LastOwnedAccess.UNKNOWN, 2_000);
        RaceAnalysis races = session.analysis(RaceAnalysis.class);
        assertEquals(HappensBefore.EXACT_SLOTS, races.clockSlots());
        assertEquals(List.of("to keep memory bounded, the analysis follows at most 256 threads at once, counting those "
                + "that ended without being joined: 1,745 threads took over the clock entry of such an ended thread, so "
                + "a race with an access made by it after it last synchronized may have been missed"), races.warnings());
    }

    /**
     * The lock-order analysis keeps its own clocks (without lock edges) and says the same of
     * them: 300 threads that each take one lock inside another, and end without anyone hearing
     * of it, keep their slots until 256, then hand them on, and its warning names deadlocks.
     */
    @Test
    void theLockOrderAnalysisSaysWhatItMayMiss() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int site = s.site("com.acme.Pool", "work", 10);
        long outer = s.object("com.acme.Outer");
        long inner = s.object("com.acme.Inner");
        for (int i = 0; i < 300; i++) {
            int t = s.thread("worker-" + i, main, site);
            s.start(main, t, site).lock(t, outer, site).lock(t, inner, site).unlock(t, inner, site)
                    .unlock(t, outer, site).end(t);
        }
        AnalysisSession session = s.session();
        session.end(new TraceEnd(session.events(), true, null));
        assertEquals(List.of("to keep memory bounded, the analysis follows at most 256 threads at once, counting those "
                + "that ended without being joined: 45 threads took over the clock entry of such an ended thread, so "
                + "a deadlock involving a lock taken by it after it last synchronized may have been missed"),
                session.analysis(LockOrderAnalysis.class).warnings());
        assertEquals(List.of(), session.analysis(RaceAnalysis.class).warnings(), "the race analysis hands the slots on soundly");
    }

    /** Two threads started once slots are handed on early still race with each other. */
    @Test
    void threadsOnHandedOnSlotsStillRaceWithEachOther() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int site = s.site("com.acme.Pool", "work", 10);
        int raceSite = s.site("com.acme.Pool", "count", 12);
        int value = s.field("com.acme.Entry", "value", "I");
        int counter = s.field("com.acme.Pool", "count", "I");
        long pool = s.object("com.acme.Pool");
        for (int i = 0; i < 2 * HappensBefore.EXACT_SLOTS; i++) {
            int t = s.thread("worker-" + i, main, site);
            s.start(main, t, site).write(t, s.object("com.acme.Entry"), value, site).end(t);
        }
        int a = s.thread("a", main, site);
        int b = s.thread("b", main, site);
        s.start(main, a, site).start(main, b, site).write(a, pool, counter, raceSite).write(b, pool, counter, raceSite);
        AnalysisSession session = s.session();
        session.end(new TraceEnd(session.events(), true, null));
        assertEquals(HappensBefore.EXACT_SLOTS, session.analysis(RaceAnalysis.class).clockSlots());
        List<Finding> races = TraceScript.ofType(session.result(), FindingType.DATA_RACE);
        assertEquals(1, races.size());
        assertEquals(List.of("a", "b"), List.of(races.get(0).primaryPair().earlier().thread().name(),
                races.get(0).primaryPair().later().thread().name()));
    }

    // ---- traces recorded with the ownership filter: an owned access may come after its thread ended

    @Test
    void withOwnedAccessesAnEndThatSaysNothingKeepsTheSlot() {
        assertEquals(THREADS + 1, slots(run(Done.LATCH, true, LastOwnedAccess.UNKNOWN)));
    }

    @Test
    void anEndWithoutOwnedAccessesHandsTheSlotOn() {
        assertEquals(ALIVE + 1, slots(run(Done.LATCH, true, LastOwnedAccess.NONE)));
    }

    /** Main's latch acquire knows the worker's epoch after one release: an owned access then is known. */
    @Test
    void anOwnedAccessBeforeTheLastReleaseHandsTheSlotOn() {
        assertEquals(ALIVE + 1, slots(run(Done.LATCH, true, 1)));
    }

    /** Nothing the worker released carries its last epoch, in which an owned access may still come. */
    @Test
    void anOwnedAccessAfterTheLastReleaseKeepsTheSlot() {
        assertEquals(THREADS + 1, slots(run(Done.LATCH, true, 2)));
    }

    private static int slots(AnalysisSession session) {
        return session.analysis(RaceAnalysis.class).clockSlots();
    }

    /**
     * Worker a writes a job it owns after its last release (the latch), so the write is kept beside
     * the job and reaches the trace only when d, started after main took the latch, touches the job.
     * d must not have a's slot, or d would seem to know the write: the race must be reported.
     * Its twin, where a's write came before the latch, is ordered before d and reports nothing.
     */
    @Test
    void anOwnedWriteThatComesLateStillRacesWithTheThreadAfterIt() {
        assertEquals(List.of("a", "d"), racing(2));
        assertEquals(List.of(), racing(1));
    }

    /** The threads of the race of {@link #anOwnedWriteThatComesLateStillRacesWithTheThreadAfterIt}, earlier first. */
    private static List<String> racing(int ownedWriteReleases) {
        TraceScript s = new TraceScript().ownedHeader();
        int main = s.thread("main");
        int site = s.site("com.acme.Job", "run", 7);
        int writeSite = s.site("com.acme.Job", "finish", 8);
        int readSite = s.site("com.acme.Job", "check", 9);
        int a = s.thread("a", main, site);
        int d = s.thread("d", main, site);
        int field = s.field("com.acme.Job", "result", "I");
        int state = s.field("com.acme.Job", "state", "I");
        long job = s.object("com.acme.Job");
        long latch = 77;
        s.start(main, a, site).volatileWrite(a, job, state, site).hbRelease(a, latch, site)
                .end(a, ownedWriteReleases)
                .hbAcquire(main, latch, site)
                .start(main, d, site)
                .ownedWrite(d, a, job, field, writeSite, ownedWriteReleases)
                .read(d, job, field, readSite);
        AnalysisSession session = s.session();
        session.end(new TraceEnd(session.events(), true, null));
        List<Finding> races = TraceScript.ofType(session.result(), FindingType.DATA_RACE);
        // main, a, and d unless d may take a's slot
        assertEquals(ownedWriteReleases == 2 ? 3 : 2, session.analysis(RaceAnalysis.class).clockSlots());
        return races.stream().flatMap(r -> Stream.of(r.primaryPair().earlier().thread().name(),
                r.primaryPair().later().thread().name())).toList();
    }

    /**
     * A slot passes from A to C (C's starter joined A), C ends having done nothing an analysis
     * kept; D's starter knows nothing of A, so D must not take the slot, or D would seem to know
     * A's write.
     */
    @Test
    void aSlotKeepsTheRequirementsOfAllItsThreads() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int site = s.site("com.acme.Job", "run", 7);
        int readSite = s.site("com.acme.Job", "check", 9);
        int a = s.thread("a", main, site);
        int b = s.thread("b", main, site);
        int c = s.thread("c", b, site);
        int d = s.thread("d", main, site);
        int field = s.field("com.acme.Job", "result", "I");
        long job = s.object("com.acme.Job");
        s.start(main, a, site).write(a, job, field, site).end(a);
        s.start(main, b, site).join(b, a, site).start(b, c, site).end(c);
        s.start(main, d, site).read(d, job, field, readSite);
        AnalysisSession session = s.session();
        session.end(new TraceEnd(session.events(), true, null));
        assertEquals(4, session.analysis(RaceAnalysis.class).clockSlots()); // main, a then c, b, d
        List<Finding> races = TraceScript.ofType(session.result(), FindingType.DATA_RACE);
        assertEquals(1, races.size());
        assertEquals("a", races.get(0).primaryPair().earlier().thread().name());
        assertEquals("d", races.get(0).primaryPair().later().thread().name());
    }
}
