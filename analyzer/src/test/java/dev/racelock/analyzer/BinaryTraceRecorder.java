package dev.racelock.analyzer;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link TraceScript} as a binary trace file through the real {@link TraceWriter}, one
 * buffer per trace thread, all driven from the test thread in the script's order (which is then
 * also the global synchronization order the reader rebuilds).
 */
final class BinaryTraceRecorder implements EventVisitor {

    private final TraceWriter writer;
    private final Map<Integer, ThreadEventBuffer> buffers = new HashMap<>();

    private BinaryTraceRecorder(TraceWriter writer) {
        this.writer = writer;
    }

    static Path write(TraceScript script, Path file, boolean recordsMemory) throws IOException {
        TraceHeader header = new TraceHeader(1, 4242, 1_700_000_000_000L, "17.0.15", "com.acme.Main",
                recordsMemory ? "" : "mode=locks", recordsMemory, true);
        try (TraceWriter writer = TraceWriter.open(file, header, 60_000)) {
            script.replay(new BinaryTraceRecorder(writer));
        }
        return file;
    }

    private ThreadEventBuffer b(int thread) {
        return buffers.computeIfAbsent(thread, writer::newThreadBuffer);
    }

    @Override public void thread(ThreadInfo t) { writer.defineThread(t); }
    @Override public void method(MethodInfo m) { writer.defineMethod(m); }
    @Override public void site(SiteInfo s) { writer.defineSite(s); }
    @Override public void field(FieldInfo f) { writer.defineField(f); }
    @Override public void object(ObjectInfo o) { writer.defineObject(o); }
    @Override public void read(int t, long o, int f, int s) { b(t).read(o, f, s); }
    @Override public void write(int t, long o, int f, int s) { b(t).write(o, f, s); }
    @Override public void arrayRead(int t, long a, int i, int s) { b(t).arrayRead(a, i, s); }
    @Override public void arrayWrite(int t, long a, int i, int s) { b(t).arrayWrite(a, i, s); }
    @Override public void arrayRangeRead(int t, long a, int from, int n, int s) { b(t).arrayRangeRead(a, from, n, s); }
    @Override public void arrayRangeWrite(int t, long a, int from, int n, int s) { b(t).arrayRangeWrite(a, from, n, s); }
    @Override public void volatileRead(int t, long o, int slot, int s) { b(t).volatileRead(o, slot, s); }
    @Override public void volatileWrite(int t, long o, int slot, int s) { b(t).volatileWrite(o, slot, s); }
    @Override public void lockRequest(int t, long l, int s, int flags) { b(t).lockRequest(l, s, flags); }
    @Override public void lockAcquire(int t, long l, int s, int flags) { b(t).lockAcquire(l, s, flags); }
    @Override public void lockRelease(int t, long l, int s, int flags) { b(t).lockRelease(l, s, flags); }
    @Override public void threadStart(int t, int child, int s) { b(t).threadStart(child, s); }
    @Override public void threadBegin(int t) { b(t).threadBegin(); }
    @Override public void threadEnd(int t) { b(t).threadEnd(); }
    @Override public void threadJoin(int t, int child, int s) { b(t).threadJoin(child, s); }
    @Override public void hbRelease(int t, long token, int s) { b(t).hbRelease(token, s); }
    @Override public void hbAcquire(int t, long token, int s) { b(t).hbAcquire(token, s); }
    @Override public void methodEnter(int t, int m, int callSite) { b(t).methodEnter(m, callSite); }
    @Override public void methodExit(int t) { b(t).methodExit(); }
    @Override public void objectFreed(long o) { writer.objectFreed(o); }
    @Override public void observedDeadlock(ObservedDeadlock d) { writer.observedDeadlock(d); }
}
