package dev.racelock.agent.runtime;

import dev.racelock.trace.format.ThreadEventBuffer;

/** The one class that calls {@link ThreadEventBuffer}: a thin forwarder, nothing else. */
final class BufferRecorder implements EventRecorder {
    private final ThreadEventBuffer buffer;

    BufferRecorder(ThreadEventBuffer buffer) {
        this.buffer = buffer;
    }

    @Override public void read(long object, int field, int site) { buffer.read(object, field, site); }
    @Override public void write(long object, int field, int site) { buffer.write(object, field, site); }
    @Override public void arrayRead(long array, int index, int site) { buffer.arrayRead(array, index, site); }
    @Override public void arrayWrite(long array, int index, int site) { buffer.arrayWrite(array, index, site); }
    @Override public void arrayRangeRead(long array, int from, int length, int site) { buffer.arrayRangeRead(array, from, length, site); }
    @Override public void arrayRangeWrite(long array, int from, int length, int site) { buffer.arrayRangeWrite(array, from, length, site); }
    @Override public void volatileRead(long object, int slot, int site) { buffer.volatileRead(object, slot, site); }
    @Override public void volatileWrite(long object, int slot, int site) { buffer.volatileWrite(object, slot, site); }
    @Override public long reserveSequence() { return buffer.reserveSequence(); }
    @Override public void volatileWriteReserved(long seq, long object, int slot, int site) { buffer.volatileWriteReserved(seq, object, slot, site); }
    @Override public void lockRequest(long lock, int site, int flags) { buffer.lockRequest(lock, site, flags); }
    @Override public void lockAcquire(long lock, int site, int flags) { buffer.lockAcquire(lock, site, flags); }
    @Override public void lockRelease(long lock, int site, int flags) { buffer.lockRelease(lock, site, flags); }
    @Override public void threadStart(int child, int site) { buffer.threadStart(child, site); }
    @Override public void threadBegin() { buffer.threadBegin(); }
    @Override public void threadEnd(int lastOwnedAccess) { buffer.threadEnd(lastOwnedAccess); }
    @Override public void threadJoin(int child, int site) { buffer.threadJoin(child, site); }
    @Override public void hbRelease(long token, int site) { buffer.hbRelease(token, site); }
    @Override public void hbAcquire(long token, int site) { buffer.hbAcquire(token, site); }
    @Override public void methodEnter(int method, int callSite) { buffer.methodEnter(method, callSite); }
    @Override public int methodExit() { return buffer.methodExit(); }
    @Override public int methodExit(int method) { return buffer.methodExit(method); }
    @Override public int methodResumed(int method, int callSite) { return buffer.methodResumed(method, callSite); }
    @Override public long orderMark() { return buffer.orderMark(); }
    @Override public long lastSequence() { return buffer.lastSequence(); }
    @Override public int currentContext() { return buffer.currentContext(); }
    @Override public void lockRequestIn(int context, long lock, int site, int flags) { buffer.lockRequestIn(context, lock, site, flags); }
    @Override public void lockAcquireIn(int context, long lock, int site, int flags) { buffer.lockAcquireIn(context, lock, site, flags); }
    @Override public boolean callsAreEvents() { return buffer.callsAreEvents(); }

    @Override
    public void ownedRead(int owner, long object, int field, int site, int releases, int lockSet, int context) {
        buffer.ownedRead(owner, object, field, site, releases, lockSet, context);
    }

    @Override
    public void ownedWrite(int owner, long object, int field, int site, int releases, int lockSet, int context,
                           int readSite) {
        buffer.ownedWrite(owner, object, field, site, releases, lockSet, context, readSite);
    }

    @Override public void testStart(int test) { buffer.testStart(test); }
    @Override public void testEnd(int test) { buffer.testEnd(test); }
}
