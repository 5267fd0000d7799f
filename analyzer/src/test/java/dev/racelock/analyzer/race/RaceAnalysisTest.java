package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaceAnalysisTest {

    /** Two threads started by main, a Counter object with field hits; sites in Counter.increment / Main.main. */
    private static final class Counter {
        final TraceScript s = new TraceScript();
        final int main = s.thread("main");
        final int startSite = s.site("com.acme.Main", "main", 5);
        final int w1 = s.thread("worker-1", main, startSite);
        final int w2 = s.thread("worker-2", main, startSite);
        final int hits = s.field("com.acme.Counter", "hits", "I");
        final int readSite = s.site("com.acme.Counter", "increment", 12);
        final int writeSite = s.site("com.acme.Counter", "increment", 13);
        final int mainRead = s.site("com.acme.Main", "main", 20);
        final long counter = s.object("com.acme.Counter");
        final int lockField = s.field("com.acme.Counter", "lock", "Ljava/lang/Object;");
        final long lock = s.lockInField("java.lang.Object", lockField);
        final int lockSite = s.site("com.acme.Counter", "increment", 11);

        Counter startBoth() {
            s.start(main, w1, startSite).start(main, w2, startSite);
            return this;
        }

        List<Finding> races() {
            return TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
        }
    }

    @Test
    void reportsWriteWriteRace() {
        Counter c = new Counter().startBoth();
        c.s.write(c.w1, c.counter, c.hits, c.writeSite).write(c.w2, c.counter, c.hits, c.writeSite);
        List<Finding> races = c.races();
        assertEquals(1, races.size());
        Finding f = races.get(0);
        assertEquals(MemoryLocation.field("com.acme.Counter", "hits"), f.location());
        assertEquals("write", f.accesses().get(0).kind().word());
        assertEquals("write", f.accesses().get(1).kind().word());
        assertEquals("worker-1", f.accesses().get(0).thread().name());
        assertEquals("worker-2", f.accesses().get(1).thread().name());
    }

    /**
     * A monitor a JDK method took inside a call is recorded after the call, flagged order-only:
     * it orders nothing, where the same hold recorded as a real monitor orders the write before
     * the read.
     */
    @Test
    void orderOnlyHoldsOrderNothing() {
        for (int flags : new int[] {LockFlags.MONITOR | LockFlags.ORDER_ONLY, LockFlags.MONITOR}) {
            Counter c = new Counter().startBoth();
            c.s.write(c.w1, c.counter, c.hits, c.writeSite)
                    .acquire(c.w1, c.lock, c.lockSite, flags).unlock(c.w1, c.lock, c.lockSite, flags)
                    .acquire(c.w2, c.lock, c.lockSite, flags).unlock(c.w2, c.lock, c.lockSite, flags)
                    .read(c.w2, c.counter, c.hits, c.readSite);
            assertEquals(LockFlags.isOrderOnly(flags) ? 1 : 0, c.races().size(), "flags " + flags);
        }
    }

    @Test
    void reportsReadWriteRace() {
        Counter c = new Counter().startBoth();
        c.s.read(c.w1, c.counter, c.hits, c.readSite).write(c.w2, c.counter, c.hits, c.writeSite);
        List<Finding> races = c.races();
        assertEquals(1, races.size());
        assertEquals("read", races.get(0).accesses().get(0).kind().word());
        assertEquals("write", races.get(0).accesses().get(1).kind().word());
    }

    @Test
    void racesOnOneFieldFromSeveralPairsOfSitesAreOneFindingListingEachPair() {
        Counter c = new Counter().startBoth();
        c.s.write(c.w1, c.counter, c.hits, c.writeSite).read(c.w2, c.counter, c.hits, c.readSite)
                .write(c.w2, c.counter, c.hits, c.writeSite).read(c.main, c.counter, c.hits, c.mainRead);
        List<Finding> races = c.races();
        assertEquals(1, races.size(), races.toString());
        Finding f = races.get(0);
        assertEquals(List.of(List.of(13, 12), List.of(13, 13), List.of(13, 20)), f.pairs().stream()
                .map(p -> List.of(p.earlier().site().line(), p.later().site().line())).toList());
        assertEquals(3, f.occurrences());
    }

    @Test
    void aFindingsFingerprintIsItsLocationsWhicheverSitesRaced() {
        Counter one = new Counter().startBoth();
        one.s.write(one.w1, one.counter, one.hits, one.writeSite).read(one.w2, one.counter, one.hits, one.readSite);
        Counter other = new Counter().startBoth();
        other.s.write(other.w1, other.counter, other.hits, other.writeSite).read(other.main, other.counter, other.hits,
                other.mainRead);
        assertEquals(one.races().get(0).fingerprint(), other.races().get(0).fingerprint());
    }

    @Test
    void readsDoNotRaceWithReads() {
        Counter c = new Counter().startBoth();
        c.s.read(c.w1, c.counter, c.hits, c.readSite).read(c.w2, c.counter, c.hits, c.readSite);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void noRaceUnderCommonLock() {
        Counter c = new Counter().startBoth();
        c.s.lock(c.w1, c.lock, c.lockSite).write(c.w1, c.counter, c.hits, c.writeSite).unlock(c.w1, c.lock, c.lockSite)
                .lock(c.w2, c.lock, c.lockSite).write(c.w2, c.counter, c.hits, c.writeSite).unlock(c.w2, c.lock, c.lockSite);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void noRaceAcrossForkAndJoin() {
        Counter c = new Counter();
        c.s.write(c.main, c.counter, c.hits, c.writeSite)
                .start(c.main, c.w1, c.startSite)
                .write(c.w1, c.counter, c.hits, c.writeSite)
                .end(c.w1)
                .join(c.main, c.w1, c.startSite)
                .read(c.main, c.counter, c.hits, c.mainRead);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void reportsReadBeforeJoinWithExplanation() {
        Counter c = new Counter();
        c.s.start(c.main, c.w1, c.startSite)
                .write(c.w1, c.counter, c.hits, c.writeSite)
                .read(c.main, c.counter, c.hits, c.mainRead)
                .end(c.w1)
                .join(c.main, c.w1, c.startSite);
        List<Finding> races = c.races();
        assertEquals(1, races.size());
        assertEquals(StartRelation.EARLIER_THREAD_STARTED_BY_LATER, races.get(0).primaryPair().startRelation());
    }

    @Test
    void noRaceAcrossVolatileWriteRead() {
        Counter c = new Counter().startBoth();
        int ready = c.s.field("com.acme.Counter", "ready", "Z");
        c.s.write(c.w1, c.counter, c.hits, c.writeSite)
                .volatileWrite(c.w1, c.counter, ready, c.writeSite)
                .volatileRead(c.w2, c.counter, ready, c.readSite)
                .read(c.w2, c.counter, c.hits, c.readSite);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void volatileOfAnotherLocationDoesNotOrder() {
        Counter c = new Counter().startBoth();
        int ready = c.s.field("com.acme.Counter", "ready", "Z");
        int other = c.s.field("com.acme.Counter", "other", "Z");
        c.s.write(c.w1, c.counter, c.hits, c.writeSite)
                .volatileWrite(c.w1, c.counter, ready, c.writeSite)
                .volatileRead(c.w2, c.counter, other, c.readSite)
                .read(c.w2, c.counter, c.hits, c.readSite);
        assertEquals(1, c.races().size());
    }

    @Test
    void noRaceAcrossHandOffToken() {
        Counter c = new Counter().startBoth();
        long future = c.s.object("java.util.concurrent.CompletableFuture");
        c.s.write(c.w1, c.counter, c.hits, c.writeSite)
                .hbRelease(c.w1, future, c.writeSite)
                .hbAcquire(c.w2, future, c.readSite)
                .read(c.w2, c.counter, c.hits, c.readSite);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void reentrantHoldProtectsUntilOutermostRelease() {
        Counter c = new Counter().startBoth();
        c.s.lock(c.w1, c.lock, c.lockSite).lock(c.w1, c.lock, c.lockSite)
                .unlock(c.w1, c.lock, c.lockSite) // inner release: still held
                .write(c.w1, c.counter, c.hits, c.writeSite)
                .unlock(c.w1, c.lock, c.lockSite)
                .lock(c.w2, c.lock, c.lockSite).write(c.w2, c.counter, c.hits, c.writeSite).unlock(c.w2, c.lock, c.lockSite);
        AnalysisResult r = c.s.analyze();
        assertTrue(r.findings().isEmpty(), r.findings().toString());
    }

    @Test
    void readLocksDoNotOrderEachOther() {
        Counter c = new Counter().startBoth();
        int shared = LockFlags.SHARED;
        c.s.lock(c.w1, c.lock, c.lockSite, shared).write(c.w1, c.counter, c.hits, c.writeSite).unlock(c.w1, c.lock, c.lockSite, shared)
                .lock(c.w2, c.lock, c.lockSite, shared).write(c.w2, c.counter, c.hits, c.writeSite).unlock(c.w2, c.lock, c.lockSite, shared);
        assertEquals(1, c.races().size());
    }

    @Test
    void readLockAcquiresFromLastWriteUnlock() {
        Counter c = new Counter().startBoth();
        c.s.lock(c.w1, c.lock, c.lockSite, 0).write(c.w1, c.counter, c.hits, c.writeSite).unlock(c.w1, c.lock, c.lockSite, 0)
                .lock(c.w2, c.lock, c.lockSite, LockFlags.SHARED).read(c.w2, c.counter, c.hits, c.readSite)
                .unlock(c.w2, c.lock, c.lockSite, LockFlags.SHARED);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void readUnlockReleasesToLaterWriteLock() {
        Counter c = new Counter().startBoth();
        c.s.lock(c.w1, c.lock, c.lockSite, LockFlags.SHARED).read(c.w1, c.counter, c.hits, c.readSite)
                .unlock(c.w1, c.lock, c.lockSite, LockFlags.SHARED)
                .lock(c.main, c.lock, c.lockSite, LockFlags.SHARED).read(c.main, c.counter, c.hits, c.mainRead)
                .unlock(c.main, c.lock, c.lockSite, LockFlags.SHARED)
                .lock(c.w2, c.lock, c.lockSite, 0).write(c.w2, c.counter, c.hits, c.writeSite).unlock(c.w2, c.lock, c.lockSite, 0);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void writeUnlockAfterDowngradeReleasesToLaterReaders() {
        // ReentrantReadWriteLock's documented downgrade: write lock, read lock, write unlock, use, read unlock.
        Counter c = new Counter().startBoth();
        int write = 0;
        int read = LockFlags.SHARED;
        c.s.lock(c.w1, c.lock, c.lockSite, write).write(c.w1, c.counter, c.hits, c.writeSite)
                .lock(c.w1, c.lock, c.lockSite, read).unlock(c.w1, c.lock, c.lockSite, write)
                .lock(c.w2, c.lock, c.lockSite, read).read(c.w2, c.counter, c.hits, c.readSite)
                .unlock(c.w2, c.lock, c.lockSite, read)
                .read(c.w1, c.counter, c.hits, c.readSite).unlock(c.w1, c.lock, c.lockSite, read);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void waitReleasesAllHoldsAndReacquireRestoresThem() {
        Counter c = new Counter().startBoth();
        int wait = LockFlags.MONITOR | LockFlags.WAIT;
        c.s.lock(c.w1, c.lock, c.lockSite).lock(c.w1, c.lock, c.lockSite) // held twice
                .unlock(c.w1, c.lock, c.lockSite, wait)                      // Object.wait gives up both
                .lock(c.w2, c.lock, c.lockSite).write(c.w2, c.counter, c.hits, c.writeSite).unlock(c.w2, c.lock, c.lockSite)
                .acquire(c.w1, c.lock, c.lockSite, wait)                     // wakes up holding it twice again
                .read(c.w1, c.counter, c.hits, c.readSite);
        var session = c.s.session();
        assertEquals(2, session.state().holds().holdCount(c.w1, c.lock, LockFlags.MONITOR));
        c.s.unlock(c.w1, c.lock, c.lockSite).unlock(c.w1, c.lock, c.lockSite)
                .lock(c.main, c.lock, c.lockSite).write(c.main, c.counter, c.hits, c.mainRead).unlock(c.main, c.lock, c.lockSite);
        assertTrue(c.races().isEmpty());
    }

    @Test
    void readSharedLocationInflatesAndThenRacesWithAWrite() {
        Counter c = new Counter();
        c.s.write(c.main, c.counter, c.hits, c.writeSite)
                .start(c.main, c.w1, c.startSite).start(c.main, c.w2, c.startSite)
                .read(c.w1, c.counter, c.hits, c.readSite)
                .read(c.w2, c.counter, c.hits, c.readSite)  // concurrent reads: read vector
                .end(c.w1).join(c.main, c.w1, c.startSite)   // main now ordered after worker-1's read only
                .write(c.main, c.counter, c.hits, c.mainRead);
        List<Finding> races = c.races();
        assertEquals(1, races.size());
        Finding f = races.get(0);
        assertEquals("worker-2", f.accesses().get(0).thread().name());
        assertEquals("read", f.accesses().get(0).kind().word());
        assertEquals("main", f.accesses().get(1).thread().name());
    }

    @Test
    void sameSitesCountAsOneFindingWithOccurrences() {
        Counter c = new Counter().startBoth();
        long other = c.s.object("com.acme.Counter");
        c.s.write(c.w1, c.counter, c.hits, c.writeSite).write(c.w2, c.counter, c.hits, c.writeSite)
                .write(c.w1, other, c.hits, c.writeSite).write(c.w2, other, c.hits, c.writeSite);
        List<Finding> races = c.races();
        assertEquals(1, races.size());
        assertEquals(2, races.get(0).occurrences());
    }

    @Test
    void staticFieldsAreLocationsToo() {
        Counter c = new Counter().startBoth();
        int total = c.s.staticField("com.acme.Stats", "total", "I");
        c.s.write(c.w1, 0, total, c.writeSite).read(c.w2, 0, total, c.readSite);
        assertEquals(MemoryLocation.field("com.acme.Stats", "total"), c.races().get(0).location());
    }

    @Test
    void namesArrayElementsByAllocationSite() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int w = s.thread("worker", main, -1);
        int alloc = s.site("com.acme.Buffer", "<init>", 9);
        int put = s.site("com.acme.Buffer", "put", 20);
        int fill = s.site("com.acme.Buffer", "clear", 30);
        long array = s.array("int[]", alloc);
        s.start(main, w, -1).arrayWrite(w, array, 3, put).arrayRangeWrite(main, array, 0, 8, fill);
        List<Finding> races = TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
        assertEquals(1, races.size());
        assertEquals(MemoryLocation.arrayElement("int[]", new SourceSite("com.acme.Buffer", "<init>", "Buffer.java", 9)),
                races.get(0).location());
        assertEquals(3, races.get(0).accesses().get(0).index());
    }

    @Test
    void locksRecordedAsModeLocksReportNoRaceAndWarn() {
        Counter c = new Counter();
        c.s.header(false);
        c.startBoth();
        c.s.write(c.w1, c.counter, c.hits, c.writeSite).write(c.w2, c.counter, c.hits, c.writeSite);
        AnalysisResult r = c.s.analyze();
        assertTrue(r.findings().isEmpty());
        assertTrue(r.warnings().contains("races not analyzed: trace recorded with mode=locks"), r.warnings().toString());
    }
}
