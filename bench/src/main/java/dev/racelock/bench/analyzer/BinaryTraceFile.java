package dev.racelock.bench.analyzer;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
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
 * Writes the benchmark workload as a binary trace through the real TraceWriter (one buffer per
 * trace thread, driven from one thread in stream order), so the file benchmark reads what the
 * agent would have written.
 */
final class BinaryTraceFile implements EventVisitor {

    private final TraceWriter writer;
    private final Map<Integer, ThreadEventBuffer> buffers = new HashMap<>();

    private BinaryTraceFile(TraceWriter writer) {
        this.writer = writer;
    }

    static void write(SyntheticWorkload workload, long events, Path file) throws IOException {
        TraceHeader header = new TraceHeader(1, 1, System.currentTimeMillis(), "17", "bench", "", true, true);
        try (TraceWriter writer = TraceWriter.open(file, header, 60_000)) {
            BinaryTraceFile recorder = new BinaryTraceFile(writer);
            workload.prologue(recorder);
            for (long written = 0; written < events; written += workload.block.size()) {
                workload.block.replay(recorder);
            }
        }
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
    @Override public void volatileRead(int t, long o, int slot, int s) { b(t).volatileRead(o, slot, s); }
    @Override public void volatileWrite(int t, long o, int slot, int s) { b(t).volatileWrite(o, slot, s); }
    @Override public void lockRequest(int t, long l, int s, int flags) { b(t).lockRequest(l, s, flags); }
    @Override public void lockAcquire(int t, long l, int s, int flags) { b(t).lockAcquire(l, s, flags); }
    @Override public void lockRelease(int t, long l, int s, int flags) { b(t).lockRelease(l, s, flags); }
    @Override public void threadStart(int t, int child, int s) { b(t).threadStart(child, s); }
    @Override public void threadBegin(int t) { b(t).threadBegin(); }
    @Override public void hbRelease(int t, long token, int s) { b(t).hbRelease(token, s); }
    @Override public void hbAcquire(int t, long token, int s) { b(t).hbAcquire(token, s); }
    @Override public void methodEnter(int t, int m, int callSite) { b(t).methodEnter(m, callSite); }
    @Override public void methodExit(int t) { b(t).methodExit(); }
}
