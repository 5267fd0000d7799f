package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** java.util.concurrent.locks hooks: the events and flags each lock operation records. */
class JucLocksTest {
    private static final int SHARED = LockFlags.SHARED;
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("Locks");
        assertEquals(4, run.result);
    }

    private static long lockAt(String marker) {
        return run.at(marker, "lockAcquire").get(0).object();
    }

    @Test
    void reentrantLockRecordsRequestAcquireAndReleaseOnEveryHold() {
        assertEquals(List.of("lockRequest/0", "lockAcquire/0"), run.shapes("@reentrant lock"));
        assertEquals(List.of("lockRequest/0", "lockAcquire/0"), run.shapes("@reentrant again"));
        assertEquals(List.of("lockRelease/0"), run.shapes("@reentrant unlock"));
        assertEquals(lockAt("@reentrant lock"), lockAt("@interface lockInterruptibly"));
        assertEquals("java.util.concurrent.locks.ReentrantLock",
                run.output.objects.get(lockAt("@reentrant lock")).className());
    }

    /**
     * JLS 17.1: the monitor of a ReentrantLock object and the ReentrantLock itself are two locks;
     * holding one does not exclude a thread holding the other.
     */
    @Test
    void aReentrantLockAndTheMonitorOfTheSameObjectAreTwoLocks() {
        Event monitor = run.single("@monitor of the lock object", "lockAcquire");
        assertTrue(LockFlags.isMonitor(monitor.flags()));
        assertEquals(lockAt("@reentrant lock"), lockAt("@lock inside its own monitor"));
        assertNotEquals(lockAt("@reentrant lock"), monitor.object());
        assertEquals("java.util.concurrent.locks.ReentrantLock", run.output.objects.get(monitor.object()).className());
    }

    @Test
    void tryLockIsFlaggedTryWithoutRequestAndTimedTryLockIsFlaggedTimed() {
        assertEquals(List.of("lockAcquire/" + LockFlags.TRY), run.shapes("@tryLock"));
        int timed = LockFlags.TIMED;
        assertEquals(List.of("lockRequest/" + timed, "lockAcquire/" + timed), run.shapes("@timed", "lockRequest", "lockAcquire"));
    }

    @Test
    void unlockOfALockNotHeldRecordsNothing() {
        assertEquals(List.of(), run.shapes("@not held"));
    }

    @Test
    void readAndWriteLocksOfOneReadWriteLockAreOneLockSharedOrExclusive() {
        assertEquals(List.of("lockRequest/" + SHARED, "lockAcquire/" + SHARED), run.shapes("@read lock"));
        assertEquals(List.of("lockRelease/" + SHARED), run.shapes("@read unlock"));
        assertEquals(List.of("lockRequest/0", "lockAcquire/0"), run.shapes("@write lock"));
        assertEquals(lockAt("@read lock"), lockAt("@write lock"));
        assertEquals("java.util.concurrent.locks.ReentrantReadWriteLock",
                run.output.objects.get(lockAt("@read lock")).className());
    }

    @Test
    void stampedLockWriteReadAndViewsNameTheStampedLock() {
        assertEquals(List.of("lockRequest/0", "lockAcquire/0"), run.shapes("@stamped write"));
        assertEquals(List.of("lockRequest/" + SHARED, "lockAcquire/" + SHARED), run.shapes("@stamped read"));
        assertEquals(List.of("lockRelease/" + SHARED), run.shapes("@stamped unlock read"));
        assertEquals(List.of("lockRequest/" + SHARED, "lockAcquire/" + SHARED), run.shapes("@stamped view"));
        long stamped = lockAt("@stamped write");
        assertEquals(stamped, lockAt("@stamped read"));
        assertEquals(stamped, lockAt("@stamped view"));
        Event optimistic = run.single("@optimistic", "hbAcquire");
        assertEquals(stamped, optimistic.object());
        assertTrue(run.output.events().stream().anyMatch(e -> e.kind().equals("hbRelease") && e.object() == stamped),
                "a write unlock releases the optimistic readers' token");
    }

    @Test
    void conditionAwaitReleasesAndReacquiresItsLockWithWait() {
        long lock = lockAt("@condition lock");
        List<Event> awaits = run.at("@await");
        assertTrue(awaits.size() >= 2, awaits.toString());
        assertEquals("lockRelease", awaits.get(0).kind());
        assertEquals("lockAcquire", awaits.get(1).kind());
        for (Event e : awaits) {
            assertEquals(lock, e.object());
            assertEquals(LockFlags.WAIT, e.flags());
        }
        List<Event> signaller = run.output.events().stream()
                .filter(e -> e.kind().equals("lockAcquire") && e.object() == lock && e.thread() != awaits.get(0).thread())
                .toList();
        assertEquals(1, signaller.size(), "the signalling thread takes the same lock");
        assertNotEquals(lockAt("@reentrant lock"), lock);
    }
}
