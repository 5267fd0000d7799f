package dev.racelock.agent.runtime;

import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which sections of synchronized methods a thread writes in mode=locks ({@link ElidedSections}):
 * a repeat (same monitor and site, same locks held, no other synchronization since) with nothing
 * inside is left out whole; anything inside writes its acquire first, in place.
 */
class ElidedSectionsTest {
    private static final long OUTER = 1;
    private static final long INNER = 2;
    private static final int SITE = 5;
    private static final int MONITOR = LockFlags.MONITOR;

    private final NumberingRecorder log = new NumberingRecorder(true);
    private final ThreadContext c = new ThreadContext(0, new ElidedSections(log));

    /** The synchronized method: entered, then released with nothing inside. */
    private void call(int site) {
        c.synchronizedMethodEntered(10, site);
        c.lockRelease(10, site, MONITOR);
    }

    @Test
    void aRepeatWithNothingInsideIsLeftOutWhole() {
        c.lockAcquire(OUTER, 1, MONITOR);
        call(SITE);
        call(SITE);
        call(SITE);
        c.lockRelease(OUTER, 1, MONITOR);
        assertEquals(List.of("acquire 1@1", "acquire 10@5", "release 10", "release 1"), log.events);
    }

    @Test
    void otherSynchronizationAnotherSiteOrOtherLocksHeldWriteItAgain() {
        c.lockAcquire(OUTER, 1, MONITOR);
        call(SITE);
        c.recorder.hbRelease(7, 3); // a hand-off may move the thread's clock
        call(SITE);
        call(SITE + 1);
        c.lockRelease(OUTER, 1, MONITOR);
        call(SITE); // now holding nothing: left out too (below)
        assertEquals(List.of("acquire 1@1", "acquire 10@5", "release 10", "hbRelease", "acquire 10@5", "release 10",
                "acquire 10@6", "release 10", "release 1"), log.events);
    }

    @Test
    void anEventInsideARepeatWritesItsAcquireFirst() {
        c.lockAcquire(OUTER, 1, MONITOR);
        call(SITE);
        c.synchronizedMethodEntered(10, SITE);
        c.lockAcquire(INNER, 8, MONITOR);
        c.lockRelease(INNER, 8, MONITOR);
        c.lockRelease(10, SITE, MONITOR);
        c.synchronizedMethodEntered(10, SITE);
        c.lockRelease(10, SITE, MONITOR | LockFlags.WAIT); // wait(): its release and re-acquire
        c.lockAcquire(10, SITE, MONITOR | LockFlags.WAIT);
        c.lockRelease(10, SITE, MONITOR);
        assertEquals(List.of("acquire 1@1", "acquire 10@5", "release 10",
                "acquire 10@5", "acquire 2@8", "release 2", "release 10",
                "acquire 10@5", "wait 10", "acquire 10@5", "release 10"), log.events);
    }

    @Test
    void aSectionTakenHoldingNoLockIsLeftOutUnlessSomethingHappensInside() {
        call(SITE); // a synchronized method
        c.lockRequest(OUTER, 1, MONITOR); // a synchronized block
        c.lockAcquire(OUTER, 1, MONITOR);
        c.lockRelease(OUTER, 1, MONITOR);
        c.lockRequest(INNER, 8, 0); // a ReentrantLock's lock(), then a lock taken inside it
        c.lockAcquire(INNER, 8, 0);
        c.lockRequest(OUTER, 1, MONITOR);
        c.lockAcquire(OUTER, 1, MONITOR);
        c.lockRelease(OUTER, 1, MONITOR);
        c.lockRelease(INNER, 8, 0);
        c.lockAcquire(INNER, 9, LockFlags.TRY); // a try is kept: its flags say what happened
        c.lockRelease(INNER, 9, LockFlags.TRY);
        c.lockRequest(OUTER, 1, MONITOR); // something else inside: written in place
        c.lockAcquire(OUTER, 1, MONITOR);
        c.recorder.hbRelease(7, 3);
        c.lockRelease(OUTER, 1, MONITOR);
        assertEquals(List.of("request 2", "acquire 2@8", "request 1", "acquire 1@1", "release 1", "release 2",
                "acquire 2@9", "release 2", "request 1", "acquire 1@1", "hbRelease", "release 1"), log.events);
    }

    @Test
    void withoutElisionOrNumberingEverySectionIsWritten() {
        ThreadContext plain = new ThreadContext(0, log);
        plain.synchronizedMethodEntered(10, SITE);
        plain.lockRelease(10, SITE, MONITOR);
        plain.synchronizedMethodEntered(10, SITE);
        plain.lockRelease(10, SITE, MONITOR);
        assertEquals(4, log.events.size());
    }
}
