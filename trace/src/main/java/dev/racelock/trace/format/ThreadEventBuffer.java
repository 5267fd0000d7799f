package dev.racelock.trace.format;

/**
 * One thread's recording buffer: the agent's hot path.
 *
 * <p>Rules (STYLE.md): no allocation except when a full buffer is swapped, no lock, no call
 * into JDK code that could be instrumented or synchronize. Used only by its owning thread.
 *
 * <p>Synchronization events take a global sequence number when they are called, so the caller
 * records a release-type event (lock release, volatile write, thread start, hbRelease, thread
 * end) <em>before</em> the operation takes effect, and an acquire-type event (lock acquire,
 * volatile read, thread begin, join, hbAcquire) <em>after</em> it; then every acquire that
 * observes a release has a larger sequence number than that release.
 *
 * <p>Arguments mean what they mean in {@link dev.racelock.trace.EventVisitor}; the thread is
 * this buffer's.
 */
public final class ThreadEventBuffer {

    public void read(long object, int field, int site) { throw new UnsupportedOperationException(); }
    public void write(long object, int field, int site) { throw new UnsupportedOperationException(); }
    public void arrayRead(long array, int index, int site) { throw new UnsupportedOperationException(); }
    public void arrayWrite(long array, int index, int site) { throw new UnsupportedOperationException(); }
    public void arrayRangeRead(long array, int from, int length, int site) { throw new UnsupportedOperationException(); }
    public void arrayRangeWrite(long array, int from, int length, int site) { throw new UnsupportedOperationException(); }

    public void volatileRead(long object, int slot, int site) { throw new UnsupportedOperationException(); }
    public void volatileWrite(long object, int slot, int site) { throw new UnsupportedOperationException(); }

    public void lockRequest(long lock, int site, int flags) { throw new UnsupportedOperationException(); }
    public void lockAcquire(long lock, int site, int flags) { throw new UnsupportedOperationException(); }
    public void lockRelease(long lock, int site, int flags) { throw new UnsupportedOperationException(); }

    public void threadStart(int child, int site) { throw new UnsupportedOperationException(); }
    public void threadBegin() { throw new UnsupportedOperationException(); }
    public void threadEnd() { throw new UnsupportedOperationException(); }
    public void threadJoin(int child, int site) { throw new UnsupportedOperationException(); }
    public void hbRelease(long token, int site) { throw new UnsupportedOperationException(); }
    public void hbAcquire(long token, int site) { throw new UnsupportedOperationException(); }

    public void methodEnter(int method, int callSite) { throw new UnsupportedOperationException(); }
    public void methodExit() { throw new UnsupportedOperationException(); }
}
