package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.RelaxedOrder;
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
        final int writer;
        final int reader;
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
            this(0);
        }

        /** {@code others}: threads main starts first, so that writer and reader come after them. */
        HandOff(int others) {
            for (int i = 0; i < others; i++) {
                s.start(main, s.thread("other-" + i, main, -1), -1);
            }
            writer = s.thread("writer", main, -1);
            reader = s.thread("reader", main, -1);
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
        assertEquals("Flag", f.location().className().substring(f.location().className().lastIndexOf('.') + 1));
        assertEquals("x", f.location().field());
        RacePair p = f.primaryPair();
        assertEquals("writer", p.earlier().thread().name());
        assertEquals(10, p.earlier().site().line());
        assertEquals("reader", p.later().thread().name());
        assertEquals(23, p.later().site().line());
        RelaxedOrder r = p.relaxed();
        assertEquals("lock", r.lock().field());
        assertEquals("writer", r.releasingThread().name());
        assertEquals(11, r.releasingTaken().line());
        assertEquals(13, r.releasingFreed().line());
        assertEquals("reader", r.acquiringThread().name());
        assertEquals(20, r.acquiringTaken().line());
    }

    /** The clocks start with room for 16 threads: a thread first seen as a started child past that grows them. */
    @Test
    void predictsTheSameWithMoreThreadsThanTheClocksStartWith() {
        HandOff h = new HandOff(20);
        h.writerSide(h.a);
        h.readerSide(h.b, true);
        AnalysisResult result = h.analyze();

        List<Finding> predicted = TraceScript.ofType(result, FindingType.PREDICTED_RACE);
        assertEquals(1, predicted.size(), result.findings().toString());
        RacePair p = predicted.get(0).primaryPair();
        assertEquals("x", predicted.get(0).location().field());
        assertEquals("writer", p.earlier().thread().name());
        assertEquals("reader", p.later().thread().name());
    }

    /**
     * Memory follows the distinct histories, not the elements: a buffer that the writer fills element
     * by element and the reader reads after an unrelated lock hand-off keeps a state per run of
     * elements, not per element (with one per element, a Jetty trace of 235 M events did not fit
     * 6 GB), and the race on the buffer is still predicted.
     */
    @Test
    void bufferFilledElementByElementKeepsStatesByRunsAndItsRaceIsPredicted() {
        HandOff h = new HandOff();
        int elements = 100_000;
        long buffer = h.s.array("byte[]", h.writeX);
        for (int i = 0; i < elements; i++) {
            h.s.arrayWrite(h.writer, buffer, i, h.writeX);
        }
        h.writerSide(h.a);
        h.s.lock(h.reader, h.lock, h.take2);
        h.s.write(h.reader, h.o, h.b, h.inside2);
        h.s.unlock(h.reader, h.lock, h.give2);
        for (int i = 0; i < elements; i++) {
            h.s.arrayRead(h.reader, buffer, i, h.readX);
        }
        AnalysisSession session = new AnalysisSession(AnalysisSession.predictiveAnalyses());
        h.s.replay(session);
        session.end(new TraceEnd(session.events(), true, null));

        List<Finding> onBuffer = TraceScript.ofType(session.result(), FindingType.PREDICTED_RACE).stream()
                .filter(f -> f.location().kind() == MemoryLocation.Kind.ARRAY_ELEMENT).toList();
        assertEquals(1, onBuffer.size(), session.result().findings().toString());
        // Once: the first element's racy read reads from the writer's epoch, which then orders every
        // later read after the writes (the reads-from order, SHB).
        assertEquals(1, onBuffer.get(0).occurrences());
        // Fields a, b and x, and the buffer's elements as two runs: element 0, read in the reader's
        // epoch before that reads-from order, and the others, read in the next.
        assertEquals(5, session.analysis(PredictiveRaceAnalysis.class).locations());
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

    /**
     * Field a was written inside the sections of more locks than a location searches one by one
     * (Location.CHAIN_SEARCHED); the reader reads it under the last of them, whose state rule (a)
     * must still find: the write of x is then ordered before the reader's read of it.
     */
    @Test
    void criticalSectionsThatConflictKeepTheirOrderAmongManyLocks() {
        HandOff h = new HandOff();
        int locks = Location.CHAIN_SEARCHED * 3;
        long[] lock = new long[locks];
        for (int i = 0; i < locks; i++) {
            lock[i] = h.s.lockAllocatedAt("java.lang.Object", h.take1);
        }
        h.s.write(h.writer, h.o, h.x, h.writeX);
        for (long l : lock) {
            h.s.lock(h.writer, l, h.take1).write(h.writer, h.o, h.a, h.inside1).unlock(h.writer, l, h.give1);
        }
        long late = lock[locks - 1];
        h.s.lock(h.reader, late, h.take2).read(h.reader, h.o, h.a, h.inside2).unlock(h.reader, late, h.give2);
        h.s.read(h.reader, h.o, h.x, h.readX);
        assertEquals(List.of(), h.analyze().findings());
    }

    /**
     * Rule (a) for a volatile: the writer's section reads v, the reader's writes it (a conflict,
     * though a volatile read publishes nothing), so the reader's section comes after the writer's.
     */
    @Test
    void sectionsThatConflictOnAVolatileKeepTheirOrder() {
        HandOff h = new HandOff();
        int v = h.s.field("com.acme.Flag", "v", "I");
        h.s.write(h.writer, h.o, h.x, h.writeX);
        h.s.lock(h.writer, h.lock, h.take1).volatileRead(h.writer, h.o, v, h.inside1).unlock(h.writer, h.lock, h.give1);
        h.s.lock(h.reader, h.lock, h.take2).volatileWrite(h.reader, h.o, v, h.inside2).unlock(h.reader, h.lock, h.give2);
        h.s.read(h.reader, h.o, h.x, h.readX);
        assertEquals(List.of(), h.analyze().findings());
    }

    /** As {@link #sectionsThatConflictOnAVolatileKeepTheirOrder}, for a hand-off token: acquired in one section, released in the next. */
    @Test
    void sectionsThatConflictOnAHandOffKeepTheirOrder() {
        HandOff h = new HandOff();
        long token = h.s.object("com.acme.Task");
        h.s.write(h.writer, h.o, h.x, h.writeX);
        h.s.lock(h.writer, h.lock, h.take1).hbAcquire(h.writer, token, h.inside1).unlock(h.writer, h.lock, h.give1);
        h.s.lock(h.reader, h.lock, h.take2).hbRelease(h.reader, token, h.inside2).unlock(h.reader, h.lock, h.give2);
        h.s.read(h.reader, h.o, h.x, h.readX);
        assertEquals(List.of(), h.analyze().findings());
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

    /**
     * 'counter' writes a racy statistics field, then takes the lock in the same epoch; 'late'
     * reads the statistics (a race, whose reads-from order comes from the middle of that epoch),
     * then writes x under the lock that 'early' and 'counter' read it under. Rule (a) orders the
     * write after both sections; the reads-from order must not make that look done already.
     */
    @Test
    void readsFromOrderTakenMidEpochDoesNotHideConflictingSections() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int early = s.thread("early", main, -1);
        int counter = s.thread("counter", main, -1);
        int late = s.thread("late", main, -1);
        int x = s.field("com.acme.Store", "x", "I");
        int stats = s.staticField("com.acme.Stats", "hits", "I");
        long o = s.object("com.acme.Store");
        long lock = s.lockInField("java.lang.Object", s.field("com.acme.Store", "lock", "Ljava/lang/Object;"));
        int site = s.site("com.acme.Store", "update", 10);
        int statsSite = s.site("com.acme.Stats", "hit", 20);
        s.start(main, early, -1);
        s.start(main, counter, -1);
        s.start(main, late, -1);
        s.lock(early, lock, site).read(early, o, x, site).unlock(early, lock, site);
        s.write(counter, 0, stats, statsSite);
        s.lock(counter, lock, site).read(counter, o, x, site).unlock(counter, lock, site);
        s.read(late, 0, stats, statsSite);
        s.lock(late, lock, site).write(late, o, x, site).unlock(late, lock, site);

        AnalysisSession session = new AnalysisSession(AnalysisSession.predictiveAnalyses());
        java.util.Set<Integer> racyFields = new java.util.HashSet<>();
        session.analysis(PredictiveRaceAnalysis.class).observeRaces((object, slot, predicted) -> racyFields.add(slot));
        s.replay(session);
        assertEquals(java.util.Set.of(stats), racyFields);
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
