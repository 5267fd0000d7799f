package dev.racelock.agent.runtime;

import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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

    /** Lists the lock and hand-off events and numbers them as the trace writer does. */
    private static final class Log implements EventRecorder {
        final List<String> events = new ArrayList<>();
        private long sequence;

        private void add(String event) {
            events.add(event);
            sequence++;
        }

        @Override public void read(long object, int field, int site) {}
        @Override public void write(long object, int field, int site) {}
        @Override public void arrayRead(long array, int index, int site) {}
        @Override public void arrayWrite(long array, int index, int site) {}
        @Override public void arrayRangeRead(long array, int from, int length, int site) {}
        @Override public void arrayRangeWrite(long array, int from, int length, int site) {}
        @Override public void volatileRead(long object, int slot, int site) { add("volatileRead"); }
        @Override public void volatileWrite(long object, int slot, int site) { add("volatileWrite"); }
        @Override public void lockRequest(long lock, int site, int flags) { add("request " + lock); }
        @Override public void lockAcquire(long lock, int site, int flags) { add("acquire " + lock + "@" + site); }
        @Override public void lockRelease(long lock, int site, int flags) {
            add((LockFlags.isWait(flags) ? "wait " : "release ") + lock);
        }
        @Override public void threadStart(int child, int site) { add("start"); }
        @Override public void threadBegin() {}
        @Override public void threadEnd(int lastOwnedAccess) {}
        @Override public void threadJoin(int child, int site) { add("join"); }
        @Override public void hbRelease(long token, int site) { add("hbRelease"); }
        @Override public void hbAcquire(long token, int site) { add("hbAcquire"); }
        @Override public void methodEnter(int method, int callSite) {}
        @Override public int methodExit() { return 0; }
        @Override public long lastSequence() { return sequence; }
    }

    private final Log log = new Log();
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
        call(SITE); // now holding nothing
        assertEquals(List.of("acquire 1@1", "acquire 10@5", "release 10", "hbRelease", "acquire 10@5", "release 10",
                "acquire 10@6", "release 10", "release 1", "acquire 10@5", "release 10"), log.events);
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
    void withoutElisionOrNumberingEverySectionIsWritten() {
        ThreadContext plain = new ThreadContext(0, log);
        plain.synchronizedMethodEntered(10, SITE);
        plain.lockRelease(10, SITE, MONITOR);
        plain.synchronizedMethodEntered(10, SITE);
        plain.lockRelease(10, SITE, MONITOR);
        assertEquals(4, log.events.size());
    }
}
