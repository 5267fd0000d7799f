package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictiveRaceAnalysisTest {

    /** Thread 'writer' writes x then takes the lock; 'reader' takes the lock then reads x. */
    private static final class HandOff {
        final TraceScript s = new TraceScript();
        final int main = s.thread("main");
        final int writer = s.thread("writer", main, -1);
        final int reader = s.thread("reader", main, -1);
        final int x = s.field("com.acme.Flag", "x", "I");
        final int a = s.field("com.acme.Flag", "a", "I");
        final int b = s.field("com.acme.Flag", "b", "I");
        final long o = s.object("com.acme.Flag");
        final long lock = s.lockInField("java.lang.Object", s.field("com.acme.Flag", "lock", "Ljava/lang/Object;"));
        final int writeX = s.site("com.acme.Flag", "publish", 10);
        final int take1 = s.site("com.acme.Flag", "publish", 11);
        final int inside1 = s.site("com.acme.Flag", "publish", 12);
        final int give1 = s.site("com.acme.Flag", "publish", 13);
        final int take2 = s.site("com.acme.Flag", "consume", 20);
        final int inside2 = s.site("com.acme.Flag", "consume", 21);
        final int give2 = s.site("com.acme.Flag", "consume", 22);
        final int readX = s.site("com.acme.Flag", "consume", 23);

        HandOff() {
            s.start(main, writer, -1);
            s.start(main, reader, -1);
        }

        void writerSide(int inside) {
            s.write(writer, o, x, writeX);
            s.lock(writer, lock, take1);
            s.write(writer, o, inside, inside1);
            s.unlock(writer, lock, give1);
        }

        void readerSide(int inside, boolean insideWrites) {
            s.lock(reader, lock, take2);
            if (insideWrites) {
                s.write(reader, o, inside, inside2);
            } else {
                s.read(reader, o, inside, inside2);
            }
            s.unlock(reader, lock, give2);
            s.read(reader, o, x, readX);
        }

        AnalysisResult analyze() {
            AnalysisSession session = new AnalysisSession(AnalysisSession.predictiveAnalyses());
            s.replay(session);
            session.end(new TraceEnd(session.events(), true, null));
            return session.result();
        }
    }

    @Test
    void predictsRaceHiddenBehindUnrelatedLockHandOff() {
        HandOff h = new HandOff();
        h.writerSide(h.a);
        h.readerSide(h.b, true);
        AnalysisResult result = h.analyze();

        assertEquals(List.of(), TraceScript.ofType(result, FindingType.DATA_RACE));
        List<Finding> predicted = TraceScript.ofType(result, FindingType.PREDICTED_RACE);
        assertEquals(1, predicted.size(), result.findings().toString());
        Finding f = predicted.get(0);
        assertEquals("PREDICTED DATA RACE on Flag.x", f.title());
        assertEquals("writer", f.accesses().get(0).thread().name());
        assertEquals(10, f.accesses().get(0).site().line());
        assertEquals("reader", f.accesses().get(1).thread().name());
        assertEquals(23, f.accesses().get(1).site().line());
        assertTrue(f.explanation().startsWith("In this run thread 'writer' held Flag.lock (taken at Flag.java:11,"
                + " released at Flag.java:13) before thread 'reader' took it (at Flag.java:20)"), f.explanation());
    }

    @Test
    void sameRaceSeenInTheRunIsTheHbAnalysisDataRaceOnly() {
        HandOff h = new HandOff();
        h.readerSide(h.b, true);
        h.writerSide(h.a);
        AnalysisResult result = h.analyze();

        assertEquals(1, TraceScript.ofType(result, FindingType.DATA_RACE).size(), result.findings().toString());
        assertEquals(List.of(), TraceScript.ofType(result, FindingType.PREDICTED_RACE));
    }

    @Test
    void predictedAndObservedRaceShareTheFingerprint() {
        HandOff hidden = new HandOff();
        hidden.writerSide(hidden.a);
        hidden.readerSide(hidden.b, true);
        HandOff shown = new HandOff();
        shown.readerSide(shown.b, true);
        shown.writerSide(shown.a);
        assertEquals(TraceScript.ofType(shown.analyze(), FindingType.DATA_RACE).get(0).fingerprint(),
                TraceScript.ofType(hidden.analyze(), FindingType.PREDICTED_RACE).get(0).fingerprint());
    }

    @Test
    void criticalSectionsThatConflictKeepTheirOrder() {
        HandOff h = new HandOff();
        h.writerSide(h.a);
        h.readerSide(h.a, false); // reads what the writer's section wrote: rule (a)
        AnalysisResult result = h.analyze();
        assertEquals(List.of(), result.findings());
    }

    @Test
    void readAfterReadConflictsWithNothing() {
        HandOff h = new HandOff();
        h.s.read(h.writer, h.o, h.x, h.writeX);
        h.s.lock(h.writer, h.lock, h.take1);
        h.s.read(h.writer, h.o, h.a, h.inside1);
        h.s.unlock(h.writer, h.lock, h.give1);
        h.readerSide(h.a, false);
        assertEquals(List.of(), h.analyze().findings());
    }

    @Test
    void traceRecordedWithoutMemoryPredictsNothing() {
        HandOff h = new HandOff();
        h.s.header(false);
        h.writerSide(h.a);
        h.readerSide(h.b, true);
        assertEquals(List.of(), h.analyze().findings());
    }
}
