package dev.racelock.analyzer.race;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clocks as wide as the threads that matter: an ended thread's clock slot goes to a thread
 * started later only when that start knows everything of the ended thread an analysis kept.
 */
class ShortLivedThreadsTest {

    private static final int THREADS = 2_000;
    private static final int ALIVE = 20;

    /** How main learns that a worker is done. */
    private enum Done { JOIN, LATCH, NOTHING }

    /**
     * Main keeps {@link #ALIVE} workers running, {@link #THREADS} in all; each writes its own
     * entry, publishes it through a volatile, and ends; main learns of the end as told.
     */
    private static AnalysisSession run(Done done) {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int site = s.site("com.acme.Pool", "work", 10);
        int value = s.field("com.acme.Entry", "value", "I");
        int state = s.field("com.acme.Entry", "state", "I");
        Deque<int[]> running = new ArrayDeque<>(); // {thread, latch index}
        for (int i = 0; i < THREADS; i++) {
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
            s.end(t);
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
