package dev.racelock.agent.runtime;

import dev.racelock.trace.ContextInfo;

/**
 * One thread's event sink: the same calls as {@link dev.racelock.trace.format.ThreadEventBuffer},
 * behind an interface so the instrumentation can be tested with an in-memory recorder. In a run
 * there is one implementation ({@link BufferRecorder}), so the JIT inlines the calls. Its two
 * halves, the plain accesses ({@link AccessRecorder}) and the rest ({@link SynchronizationRecorder}),
 * are interfaces of their own so that the ownership filter, which has no part in plain accesses,
 * implements only the rest.
 *
 * <p>Hot path rule (STYLE.md): implementations allocate nothing per event, take no lock and
 * call no JDK code that could be instrumented or synchronize.
 */
public interface EventRecorder extends AccessRecorder, SynchronizationRecorder {
    /** Records nothing: agent threads, threads seen after shutdown, a writer that failed to open. */
    EventRecorder NONE = new EventRecorder() {
        @Override public void read(long object, int field, int site) {}
        @Override public void write(long object, int field, int site) {}
        @Override public void arrayRead(long array, int index, int site) {}
        @Override public void arrayWrite(long array, int index, int site) {}
        @Override public void arrayRangeRead(long array, int from, int length, int site) {}
        @Override public void arrayRangeWrite(long array, int from, int length, int site) {}
        @Override public void volatileRead(long object, int slot, int site) {}
        @Override public void volatileWrite(long object, int slot, int site) {}
        @Override public void lockRequest(long lock, int site, int flags) {}
        @Override public void lockAcquire(long lock, int site, int flags) {}
        @Override public void lockRelease(long lock, int site, int flags) {}
        @Override public void threadStart(int child, int site) {}
        @Override public void threadBegin() {}
        @Override public void threadEnd(int lastOwnedAccess) {}
        @Override public void threadJoin(int child, int site) {}
        @Override public void hbRelease(long token, int site) {}
        @Override public void hbAcquire(long token, int site) {}
        @Override public void methodEnter(int method, int callSite) {}
        @Override public int methodExit() { return ContextInfo.UNRECORDED_CALLER; }
    };
}
