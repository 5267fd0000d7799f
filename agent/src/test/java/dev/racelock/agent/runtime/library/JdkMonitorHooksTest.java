package dev.racelock.agent.runtime.library;

import dev.racelock.agent.runtime.NumberingRecorder;
import dev.racelock.agent.runtime.RecordedHolds;
import dev.racelock.agent.runtime.TestContexts;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which holds of JDK monitors {@link JdkMonitorHooks} writes, on a recorder that numbers the
 * synchronization events as the trace writer does: none while the thread holds no lock; with
 * locks held, the first of each (monitor, call site) under the same locks since the thread's
 * last synchronization event other than a lock event ({@link RecordedHolds}).
 */
class JdkMonitorHooksTest {
    private static final String ADD = "add(Ljava/lang/Object;)Z";
    private static final long APP_LOCK = 1;
    private static final long OTHER_APP_LOCK = 2;

    private final NumberingRecorder recorder = new NumberingRecorder(true);
    private final ThreadContext c = TestContexts.of(0, recorder);
    private final Vector<String> journal = new Vector<>();

    private void add(Vector<String> receiver, int site) {
        JdkMonitorHooks.called(receiver, ADD, site, -1, c);
    }

    @Test
    void withNoLockHeldNothingIsWritten() {
        add(journal, 10);
        c.lockAcquire(APP_LOCK, 1, LockFlags.MONITOR);
        c.lockRelease(APP_LOCK, 2, LockFlags.MONITOR);
        add(journal, 10);
        assertEquals(List.of(), recorder.holds);
    }

    @Test
    void aRepeatedHoldWithNothingElseSynchronizingBetweenIsWrittenOnce() {
        c.lockAcquire(APP_LOCK, 1, LockFlags.MONITOR);
        add(journal, 10);
        add(journal, 10);
        add(journal, 10);
        assertEquals(List.of("site 10"), recorder.holds);
    }

    @Test
    void holdsOfOtherMonitorsAndSitesBetweenDoNotStartAfresh() {
        Vector<String> other = otherThan(journal, 10);
        int otherSite = 11;
        while (RecordedHolds.index(journal, otherSite) == RecordedHolds.index(journal, 10)
                || RecordedHolds.index(journal, otherSite) == RecordedHolds.index(other, 10)) {
            otherSite++;
        }
        c.lockAcquire(APP_LOCK, 1, LockFlags.MONITOR);
        add(journal, 10);
        add(other, 10);
        add(journal, otherSite);
        add(journal, 10);
        add(other, 10);
        add(journal, otherSite);
        assertEquals(List.of("site 10", "site 10", "site " + otherSite), recorder.holds);
    }

    @Test
    void anyOtherSynchronizationEventStartsAfresh() {
        c.lockAcquire(APP_LOCK, 1, LockFlags.MONITOR);
        add(journal, 10);
        recorder.hbAcquire(99, 5); // the thread's clock moved: a witness taken now is a new one
        add(journal, 10);
        c.lockAcquire(OTHER_APP_LOCK, 3, LockFlags.MONITOR); // more locks held: more edges
        add(journal, 10);
        c.lockRelease(OTHER_APP_LOCK, 4, LockFlags.MONITOR);
        add(journal, 10);
        add(journal, 10);
        assertEquals(List.of("site 10", "site 10", "site 10", "site 10"), recorder.holds);
    }

    @Test
    void aLockTakenAndReleasedBetweenChangesNothing() {
        Vector<String> other = otherThan(journal, 10);
        c.lockAcquire(APP_LOCK, 1, LockFlags.MONITOR);
        add(journal, 10);
        c.lockAcquire(OTHER_APP_LOCK, 3, LockFlags.MONITOR);
        add(other, 10);
        c.lockRelease(OTHER_APP_LOCK, 4, LockFlags.MONITOR);
        add(journal, 10); // the same locks held as at the first, and the clock has not moved
        assertEquals(List.of("site 10", "site 10"), recorder.holds);
    }

    @Test
    void anEntryOfAnEarlierRunIsNoRepeat() {
        Vector<String> other = otherThan(journal, 10);
        c.lockAcquire(APP_LOCK, 1, LockFlags.MONITOR);
        add(journal, 10);
        recorder.hbAcquire(99, 5);
        add(other, 10); // the new run's first hold
        add(journal, 10); // written in the earlier run only
        assertEquals(List.of("site 10", "site 10", "site 10"), recorder.holds);
    }

    /** A vector whose entry for {@code site} is not {@code v}'s (a collision would only write a repeat again). */
    private static Vector<String> otherThan(Vector<String> v, int site) {
        Vector<String> other = new Vector<>();
        while (RecordedHolds.index(other, site) == RecordedHolds.index(v, site)) {
            other = new Vector<>();
        }
        return other;
    }

    @Test
    void aRecorderThatNumbersNothingGetsEveryHold() {
        NumberingRecorder unnumbered = new NumberingRecorder(false);
        ThreadContext context = TestContexts.of(0, unnumbered);
        context.lockAcquire(APP_LOCK, 1, LockFlags.MONITOR);
        JdkMonitorHooks.called(journal, ADD, 10, -1, context);
        JdkMonitorHooks.called(journal, ADD, 10, -1, context);
        assertEquals(List.of("site 10", "site 10"), unnumbered.holds);
    }
}
