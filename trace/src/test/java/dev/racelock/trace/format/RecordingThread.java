package dev.racelock.trace.format;

import dev.racelock.trace.EventLog;

/**
 * Test helper: records each event into a {@link ThreadEventBuffer} and the same event into an
 * expected {@link EventLog}, so a test states every event once. The expected log should be
 * {@link EventLog#withStacks()}, which expects method enters and exits the way format 2 delivers
 * them.
 */
final class RecordingThread {

    final int thread;
    final ThreadEventBuffer buffer;
    final EventLog expected;

    RecordingThread(TraceWriter writer, int thread, EventLog expected) {
        this.thread = thread;
        this.buffer = writer.newThreadBuffer(thread);
        this.expected = expected;
    }

    RecordingThread read(long o, int f, int s) { buffer.read(o, f, s); expected.read(thread, o, f, s); return this; }
    RecordingThread write(long o, int f, int s) { buffer.write(o, f, s); expected.write(thread, o, f, s); return this; }
    RecordingThread arrayRead(long a, int i, int s) { buffer.arrayRead(a, i, s); expected.arrayRead(thread, a, i, s); return this; }
    RecordingThread arrayWrite(long a, int i, int s) { buffer.arrayWrite(a, i, s); expected.arrayWrite(thread, a, i, s); return this; }
    RecordingThread arrayRangeRead(long a, int from, int len, int s) { buffer.arrayRangeRead(a, from, len, s); expected.arrayRangeRead(thread, a, from, len, s); return this; }
    RecordingThread arrayRangeWrite(long a, int from, int len, int s) { buffer.arrayRangeWrite(a, from, len, s); expected.arrayRangeWrite(thread, a, from, len, s); return this; }
    RecordingThread volatileRead(long o, int slot, int s) { buffer.volatileRead(o, slot, s); expected.volatileRead(thread, o, slot, s); return this; }
    RecordingThread volatileWrite(long o, int slot, int s) { buffer.volatileWrite(o, slot, s); expected.volatileWrite(thread, o, slot, s); return this; }
    RecordingThread lockRequest(long l, int s, int flags) { buffer.lockRequest(l, s, flags); expected.lockRequest(thread, l, s, flags); return this; }
    RecordingThread lockAcquire(long l, int s, int flags) { buffer.lockAcquire(l, s, flags); expected.lockAcquire(thread, l, s, flags); return this; }
    RecordingThread lockRelease(long l, int s, int flags) { buffer.lockRelease(l, s, flags); expected.lockRelease(thread, l, s, flags); return this; }
    RecordingThread threadStart(int child, int s) { buffer.threadStart(child, s); expected.threadStart(thread, child, s); return this; }
    RecordingThread threadBegin() { buffer.threadBegin(); expected.threadBegin(thread); return this; }
    RecordingThread threadEnd() { buffer.threadEnd(); expected.threadEnd(thread); return this; }
    RecordingThread threadJoin(int child, int s) { buffer.threadJoin(child, s); expected.threadJoin(thread, child, s); return this; }
    RecordingThread hbRelease(long token, int s) { buffer.hbRelease(token, s); expected.hbRelease(thread, token, s); return this; }
    RecordingThread hbAcquire(long token, int s) { buffer.hbAcquire(token, s); expected.hbAcquire(thread, token, s); return this; }
    RecordingThread methodEnter(int m, int callSite) { buffer.methodEnter(m, callSite); expected.methodEnter(thread, m, callSite); return this; }
    RecordingThread testStart(int test) { buffer.testStart(test); expected.testStart(thread, test); return this; }
    RecordingThread testEnd(int test) { buffer.testEnd(test); expected.testEnd(thread, test); return this; }
    RecordingThread methodExit() { buffer.methodExit(); expected.methodExit(thread); return this; }
}
