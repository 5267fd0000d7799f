package dev.racelock.agent.runtime;

import dev.racelock.trace.LockFlags;

import java.util.ArrayList;
import java.util.List;

/**
 * For tests of which events the hooks write: numbers every synchronization event as the trace
 * writer does (ThreadEventBuffer's rule), unless told not to, and lists them.
 */
public class NumberingRecorder implements EventRecorder {
    /** The synchronization events in order: "acquire 10@5", "release 10", "wait 10", "hbRelease" ... */
    public final List<String> events = new ArrayList<>();
    /** The sites of the order-only holds (acquires flagged ORDER_ONLY): "site 10". */
    public final List<String> holds = new ArrayList<>();
    private final boolean numbers;
    private long sequence;

    public NumberingRecorder(boolean numbers) {
        this.numbers = numbers;
    }

    private void numbered(String event) {
        events.add(event);
        sequence++;
    }

    @Override public void read(long object, int field, int site) {}
    @Override public void write(long object, int field, int site) {}
    @Override public void arrayRead(long array, int index, int site) {}
    @Override public void arrayWrite(long array, int index, int site) {}
    @Override public void arrayRangeRead(long array, int from, int length, int site) {}
    @Override public void arrayRangeWrite(long array, int from, int length, int site) {}
    @Override public void volatileRead(long object, int slot, int site) { numbered("volatileRead"); }
    @Override public void volatileWrite(long object, int slot, int site) { numbered("volatileWrite"); }
    @Override public void lockRequest(long lock, int site, int flags) { numbered("request " + lock); }

    @Override
    public void lockAcquire(long lock, int site, int flags) {
        numbered("acquire " + lock + "@" + site);
        if (LockFlags.isOrderOnly(flags)) {
            holds.add("site " + site);
        }
    }

    @Override
    public void lockRelease(long lock, int site, int flags) {
        numbered((LockFlags.isWait(flags) ? "wait " : "release ") + lock);
    }

    @Override public void threadStart(int child, int site) { numbered("start"); }
    @Override public void threadBegin() { numbered("begin"); }
    @Override public void threadEnd(int lastOwnedAccess) { numbered("end"); }
    @Override public void threadJoin(int child, int site) { numbered("join"); }
    @Override public void hbRelease(long token, int site) { numbered("hbRelease"); }
    @Override public void hbAcquire(long token, int site) { numbered("hbAcquire"); }
    @Override public void methodEnter(int method, int callSite) {}
    @Override public int methodExit() { return -1; }
    @Override public long lastSequence() { return numbers ? sequence : 0; }
}
