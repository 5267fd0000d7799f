package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.SourceSite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaceEvidenceTest {

    /**
     * worker-1 (started at Main.java:5) runs Worker.run -> Account.deposit and writes balance
     * holding Account.lock; then main calls Main.audit -> Account.read and reads balance with no lock.
     */
    private static Finding bankRace(long objectBase, int lineShift) {
        TraceScript s = new TraceScript(objectBase, lineShift);
        int main = s.thread("main");
        int startSite = s.site("com.acme.Main", "main", 5);
        int w1 = s.thread("worker-1", main, startSite);
        int run = s.method("com.acme.Worker", "run");
        int deposit = s.method("com.acme.Account", "deposit");
        int mainMethod = s.method("com.acme.Main", "main");
        int audit = s.method("com.acme.Main", "audit");
        int read = s.method("com.acme.Account", "read");
        int callDeposit = s.site("com.acme.Worker", "run", 17);
        int callAudit = s.site("com.acme.Main", "main", 8);
        int callRead = s.site("com.acme.Main", "audit", 30);
        int lockSite = s.site("com.acme.Account", "deposit", 21);
        int writeSite = s.site("com.acme.Account", "deposit", 22);
        int readSite = s.site("com.acme.Account", "read", 40);
        int balance = s.field("com.acme.Account", "balance", "I");
        int lockField = s.field("com.acme.Account", "lock", "Ljava/lang/Object;");
        long account = s.object("com.acme.Account");
        long lock = s.lockInField("java.lang.Object", lockField);
        s.start(main, w1, startSite)
                .enter(w1, run, -1).enter(w1, deposit, callDeposit)
                .lock(w1, lock, lockSite).write(w1, account, balance, writeSite).unlock(w1, lock, lockSite)
                .exit(w1).exit(w1)
                .enter(main, mainMethod, -1).enter(main, audit, callAudit).enter(main, read, callRead)
                .read(main, account, balance, readSite);
        List<Finding> races = TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
        assertEquals(1, races.size());
        return races.get(0);
    }

    @Test
    void raceEvidenceShowsBothStacksThreadsAndLocks() {
        Finding f = bankRace(1000, 0);
        Access earlier = f.accesses().get(0);
        Access later = f.accesses().get(1);

        assertEquals("worker-1", earlier.thread().name());
        assertEquals(new SourceSite("com.acme.Main", "main", "Main.java", 5), earlier.thread().createdAt());
        assertEquals("write", earlier.kind().word());
        assertEquals(MemoryLocation.field("com.acme.Account", "balance"), f.location());
        assertEquals(-1, earlier.index());
        assertEquals(List.of(new SourceSite("com.acme.Account", "deposit", "Account.java", 22),
                new SourceSite("com.acme.Worker", "run", "Worker.java", 17)), earlier.stack());
        assertEquals(1, earlier.locksHeld().size());
        assertEquals(LockRef.field(true, "java.lang.Object", "com.acme.Account", "lock"), earlier.locksHeld().get(0).lock());
        assertEquals(21, earlier.locksHeld().get(0).acquiredAt().line());

        assertEquals("main", later.thread().name());
        assertNull(later.thread().createdAt());
        assertEquals("read", later.kind().word());
        assertEquals(List.of(new SourceSite("com.acme.Account", "read", "Account.java", 40),
                new SourceSite("com.acme.Main", "audit", "Main.java", 30),
                new SourceSite("com.acme.Main", "main", "Main.java", 8)), later.stack());
        assertTrue(later.locksHeld().isEmpty());

        assertEquals(StartRelation.EARLIER_THREAD_STARTED_BY_LATER, f.primaryPair().startRelation());
        assertEquals(later.site(), f.primarySite());
        assertEquals(16, f.fingerprint().length());
    }

    @Test
    void fingerprintIsStableAcrossObjectIdsAndLines() {
        Finding a = bankRace(1000, 0);
        Finding b = bankRace(987_654_321, 40);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.accesses().get(0).site().line(), b.accesses().get(0).site().line());
    }

    @Test
    void fingerprintDiffersForAnotherField() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int w = s.thread("w", main, -1);
        int f1 = s.field("com.acme.A", "x", "I");
        int f2 = s.field("com.acme.A", "y", "I");
        int site = s.site("com.acme.A", "m", 1);
        long o = s.object("com.acme.A");
        s.start(main, w, -1).write(w, o, f1, site).write(main, o, f1, site).write(w, o, f2, site).write(main, o, f2, site);
        List<Finding> races = TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
        assertEquals(2, races.size());
        assertNotEquals(races.get(0).fingerprint(), races.get(1).fingerprint());
    }

    private static String classify(String descriptor, boolean readModifyWrite, boolean sameLine, boolean publish) {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int w1 = s.thread("w1", main, -1);
        int w2 = s.thread("w2", main, -1);
        int field = s.field("com.acme.C", "f", descriptor);
        int readSite = s.site("com.acme.C", "m", 10);
        int writeSite = sameLine ? readSite : s.site("com.acme.C", "m", 11);
        long o = s.object("com.acme.C");
        s.start(main, w1, -1).start(main, w2, -1);
        if (readModifyWrite) {
            s.read(w1, o, field, readSite).read(w2, o, field, readSite)
                    .write(w1, o, field, writeSite).write(w2, o, field, writeSite);
        } else if (publish) {
            // w1 builds a Config and stores it; w2 reads the reference, then the Config's field.
            int port = s.field("com.acme.Config", "port", "I");
            long config = s.object("com.acme.Config");
            int init = s.site("com.acme.Config", "<init>", 3);
            int use = s.site("com.acme.C", "use", 20);
            s.write(w1, config, port, init).write(w1, o, field, writeSite).read(w2, o, field, readSite)
                    .read(w2, config, port, use);
        } else {
            s.write(w1, o, field, writeSite).write(w2, o, field, writeSite);
        }
        AnalysisSession session = s.session();
        List<Finding> races = TraceScript.ofType(session.result(), FindingType.DATA_RACE).stream()
                .filter(f -> f.location().equals(MemoryLocation.field("com.acme.C", "f"))).toList();
        assertEquals(1, races.size(), races.toString());
        RaceClassification c = races.get(0).classification();
        return c == null ? null : c.id();
    }

    @Test
    void classifiesCounterIncrementAsLostUpdate() {
        assertEquals("lost-update", classify("I", true, true, false));
    }

    @Test
    void classifiesIncrementsInTwoDifferentMethodsAsLostUpdate() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int w1 = s.thread("w1", main, -1);
        int w2 = s.thread("w2", main, -1);
        int hits = s.field("com.acme.C", "hits", "I");
        int add = s.site("com.acme.C", "add", 10);
        int bump = s.site("com.acme.C", "bump", 20);
        long o = s.object("com.acme.C");
        // w1 does hits++ in add(); w2 does hits++ in bump(), interleaved: read, read, write, write.
        s.start(main, w1, -1).start(main, w2, -1)
                .read(w1, o, hits, add).read(w2, o, hits, bump).write(w1, o, hits, add).write(w2, o, hits, bump);
        List<Finding> races = TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
        assertEquals(1, races.size());
        assertEquals(RaceClassification.LOST_UPDATE, races.get(0).classification());
        assertEquals(3, races.get(0).occurrences()); // w2's read / w1's write, both writes, w1's read / w2's write
    }

    @Test
    void classifiesTestThenSetAsCheckThenAct() {
        assertEquals("check-then-act", classify("Ljava/lang/Object;", true, false, false));
    }

    @Test
    void classifiesUnorderedLongWritesAsTornLong() {
        assertEquals("torn-long", classify("J", false, false, false));
        assertEquals("torn-long", classify("D", false, false, true));
    }

    @Test
    void classifiesRacyReferencePublication() {
        assertEquals("unsafe-publication", classify("Lcom/acme/Config;", false, false, true));
    }

    @Test
    void racyReferenceReadWhoseTargetIsNotUsedIsNotCalledPublication() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int w1 = s.thread("w1", main, -1);
        int w2 = s.thread("w2", main, -1);
        int field = s.field("com.acme.C", "f", "Lcom/acme/Config;");
        int site = s.site("com.acme.C", "m", 10);
        long o = s.object("com.acme.C");
        s.start(main, w1, -1).start(main, w2, -1).write(w1, o, field, site).read(w2, o, field, site);
        List<Finding> races = TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
        assertNull(races.get(0).classification());
    }

    @Test
    void leavesPlainIntWriteWriteUnclassified() {
        assertNull(classify("I", false, false, false));
    }
}
