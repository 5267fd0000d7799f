package dev.racelock.report.view;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.ThreadRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingWordsTest {

    private static final SourceSite LINE_18 = new SourceSite("com.acme.Main", "main", "Main.java", 18);

    @Test
    void namesALockInAFieldWithTheLockObjectsClass() {
        assertEquals("GroovyClassLoader.sourceCache (HashMap)", FindingWords.lock(
                LockRef.field(true, "java.util.HashMap", "groovy.lang.GroovyClassLoader", "sourceCache")));
        assertEquals("Bank.lockA", FindingWords.lock(LockRef.field(true, "java.lang.Object", "com.acme.Bank", "lockA")),
                "a plain Object says nothing more");
    }

    @Test
    void namesAClassMonitorAsSuch() {
        assertEquals("class monitor first seen at Main.java:18", FindingWords.lock(LockRef.classMonitor(null, LINE_18)));
        assertEquals("Ledger.class", FindingWords.lock(LockRef.classMonitor("com.acme.Ledger", LINE_18)));
        assertEquals("Outer$Inner.class", FindingWords.lock(LockRef.classMonitor("com.acme.Outer$Inner", LINE_18)));
    }

    @Test
    void putsEveryNoteOfAHeldLockInOnePairOfParentheses() {
        LockRef cache = LockRef.field(false, "java.util.concurrent.locks.ReentrantLock", "com.acme.Cache", "lock");
        assertEquals("Cache.lock (ReentrantLock, instance 2, taken at Main.java:18)",
                FindingWords.heldLock(new HeldLock(cache.instance(2), LINE_18)));
        assertEquals("monitor of Account (instance 1)", FindingWords.lock(LockRef.ofClass(true, "com.acme.Account").instance(1)));
    }

    @Test
    void explainsAReadBeforeTheJoinOfTheWriterThread() {
        ThreadRef main = new ThreadRef(1, "main", null);
        ThreadRef worker = new ThreadRef(2, "worker-1", LINE_18);
        Access write = new Access(worker, AccessKind.WRITE, -1, LINE_18, List.of(), List.of());
        Access read = new Access(main, AccessKind.READ, -1, LINE_18, List.of(), List.of());
        assertEquals("no lock held in common and no hand-off between them; \"main\" started the writer thread "
                        + "\"worker-1\", but its read is not ordered after \"worker-1\" ended (no join before it)",
                FindingWords.raceExplanation(new RacePair(write, read, null, StartRelation.EARLIER_THREAD_STARTED_BY_LATER, 1)));
    }
}
