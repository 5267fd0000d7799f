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

    /**
     * A stack of calls named by its depth (context 100 per frame), as a trace buffer with a
     * calling-context tree names it: calls are no events, and a lock event written late says
     * the context it was made in.
     */
    private static final class StackRecorder extends NumberingRecorder {
        private int depth;

        StackRecorder() {
            super(false);
        }

        @Override public void lockRequest(long lock, int site, int flags) { lockRequestIn(currentContext(), lock, site, flags); }
        @Override public void lockAcquire(long lock, int site, int flags) { lockAcquireIn(currentContext(), lock, site, flags); }
        @Override public void lockRequestIn(int context, long lock, int site, int flags) { events.add("request " + lock + " in " + context); }
        @Override public void lockAcquireIn(int context, long lock, int site, int flags) { events.add("acquire " + lock + " in " + context); }
        @Override public void lockRelease(long lock, int site, int flags) { events.add("release " + lock + " in " + currentContext()); }
        @Override public void hbRelease(long token, int site) { events.add("hbRelease in " + currentContext()); }
        @Override public void methodEnter(int method, int callSite) { depth++; }
        @Override public int methodExit() { depth--; return -1; }
        @Override public int currentContext() { return 100 * depth; }
        @Override public boolean callsAreEvents() { return false; }
    }

    @Test
    void callsInsideASectionAreNoEventsAndItsLateEventsKeepTheirContext() {
        StackRecorder stack = new StackRecorder();
        ThreadContext t = new ThreadContext(0, new ElidedSections(stack));
        t.calls.methodEnter(1, 0);
        t.lockRequest(OUTER, 1, MONITOR); // holding no lock: held back, in context 100
        t.lockAcquire(OUTER, 1, MONITOR);
        t.calls.methodEnter(2, 0); // a call that records nothing
        t.calls.methodExit(2);
        t.lockRelease(OUTER, 1, MONITOR); // left out whole
        assertEquals(List.of(), stack.events);

        t.lockRequest(OUTER, 1, 0); // a lock() wrapper, returning with the lock held
        t.lockAcquire(OUTER, 1, 0);
        t.calls.methodExit(1);
        t.calls.methodEnter(3, 0);
        t.calls.methodEnter(4, 0);
        t.recorder.hbRelease(7, 3); // something happens inside, deeper: the section is written as made
        t.calls.methodExit(4);
        t.calls.methodExit(3);
        t.lockRelease(OUTER, 1, 0);
        assertEquals(List.of("request 1 in 100", "acquire 1 in 100", "hbRelease in 200", "release 1 in 0"), stack.events);
    }
}
