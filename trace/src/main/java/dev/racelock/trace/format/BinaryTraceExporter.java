package dev.racelock.trace.format;

import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.ContextPaths;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the events it is given as a binary trace: the other half of converting STD text (or
 * any event source) to the binary format. Synchronization events are numbered in the order they arrive,
 * which is an order consistent with synchronization whenever the source's is; each thread's
 * events keep their order. Calling contexts are re-encoded: a format-2 source's context events
 * become the enters and exits between the stacks they name ({@link ContextPaths}), which the
 * new trace's buffers turn into nodes of its own tree.
 *
 * <p>Called from one thread (a reader's), which then owns every thread buffer it creates.
 */
public final class BinaryTraceExporter implements EventVisitor {

    private final Path out;
    private final TraceWriter.Contexts contexts;
    private TraceWriter writer;
    private final Map<Integer, ThreadEventBuffer> buffers = new HashMap<>();
    private final ContextPaths paths = new ContextPaths();
    /** The new trace's node of each source node an owned access named (0: not looked up yet). */
    private int[] nodes = new int[64];

    public BinaryTraceExporter(Path out) {
        this(out, TraceWriter.Contexts.TREE);
    }

    /** Writing calling contexts the given way (format 2's tree, or an event per call to compare with). */
    public BinaryTraceExporter(Path out, TraceWriter.Contexts contexts) {
        this.out = out;
        this.contexts = contexts;
    }

    /**
     * Closes the trace written so far; throws the first write failure, if any (the writer
     * reports failures instead of throwing them while events flow).
     */
    public void finish() throws IOException {
        if (writer == null) {
            return;
        }
        writer.close();
        IOException failure = writer.failure();
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The thread's buffer. A new buffer starts with a begin event: the binary reader places a
     * thread's plain events by its synchronization events, so a thread whose source (STD text
     * has no begin op) starts with plain accesses would otherwise have them merged before the
     * fork that started it. The begin takes its sequence number here, after the fork's.
     */
    private ThreadEventBuffer buffer(int thread) {
        ThreadEventBuffer buffer = buffers.get(thread);
        if (buffer == null) {
            buffer = writer.newThreadBuffer(thread);
            buffers.put(thread, buffer);
            buffer.threadBegin();
        }
        return buffer;
    }

    @Override
    public void header(TraceHeader header) {
        try {
            writer = TraceWriter.open(out, header, 1000, contexts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end(TraceEnd end) {
        writer.close();
    }

    @Override public void thread(ThreadInfo thread) { writer.defineThread(thread); }
    @Override public void method(MethodInfo method) { writer.defineMethod(method); }
    @Override public void site(SiteInfo site) { writer.defineSite(site); }
    @Override public void field(FieldInfo field) { writer.defineField(field); }
    @Override public void object(ObjectInfo object) { writer.defineObject(object); }
    @Override public void testCase(TestCaseInfo test) { writer.defineTest(test); }
    @Override public void contextNode(ContextInfo node) { paths.define(node); }
    @Override public void lockSet(LockSetInfo set) { writer.defineLockSet(set); }
    @Override public void objectFreed(long object) { writer.objectFreed(object); }
    @Override public void observedDeadlock(ObservedDeadlock deadlock) { writer.observedDeadlock(deadlock); }

    @Override public void read(int t, long o, int f, int s) { buffer(t).read(o, f, s); }
    @Override public void write(int t, long o, int f, int s) { buffer(t).write(o, f, s); }
    @Override public void arrayRead(int t, long a, int i, int s) { buffer(t).arrayRead(a, i, s); }
    @Override public void arrayWrite(int t, long a, int i, int s) { buffer(t).arrayWrite(a, i, s); }
    @Override public void arrayRangeRead(int t, long a, int from, int length, int s) { buffer(t).arrayRangeRead(a, from, length, s); }
    @Override public void arrayRangeWrite(int t, long a, int from, int length, int s) { buffer(t).arrayRangeWrite(a, from, length, s); }
    @Override public void volatileRead(int t, long o, int slot, int s) { buffer(t).volatileRead(o, slot, s); }
    @Override public void volatileWrite(int t, long o, int slot, int s) { buffer(t).volatileWrite(o, slot, s); }
    @Override public void lockRequest(int t, long l, int s, int flags) { buffer(t).lockRequest(l, s, flags); }
    @Override public void lockAcquire(int t, long l, int s, int flags) { buffer(t).lockAcquire(l, s, flags); }
    @Override public void lockRelease(int t, long l, int s, int flags) { buffer(t).lockRelease(l, s, flags); }
    @Override public void threadStart(int t, int child, int s) { buffer(t).threadStart(child, s); }
    /** The begin was written when the buffer was created, before any other event of the thread. */
    @Override public void threadBegin(int t) { buffer(t); }
    @Override public void threadEnd(int t) { threadEnd(t, LastOwnedAccess.UNKNOWN); }
    @Override public void threadEnd(int t, int lastOwnedAccess) { buffer(t).threadEnd(lastOwnedAccess); }
    @Override public void threadJoin(int t, int child, int s) { buffer(t).threadJoin(child, s); }
    @Override public void hbRelease(int t, long token, int s) { buffer(t).hbRelease(token, s); }
    @Override public void hbAcquire(int t, long token, int s) { buffer(t).hbAcquire(token, s); }
    @Override public void methodEnter(int t, int m, int callSite) { buffer(t).methodEnter(m, callSite); }
    @Override public void methodExit(int t) { buffer(t).methodExit(); }
    @Override public void context(int t, int node) { paths.switchTo(t, node, this); }
    @Override public void testStart(int t, int test) { buffer(t).testStart(test); }
    @Override public void testEnd(int t, int test) { buffer(t).testEnd(test); }
    @Override public void orderMark(int t) { buffer(t).orderMark(); }

    @Override
    public void ownedRead(int t, int owner, long o, int f, int s, int releases, int lockSet, int context) {
        buffer(t).ownedRead(owner, o, f, s, releases, lockSet, node(context));
    }

    @Override
    public void ownedWrite(int t, int owner, long o, int f, int s, int releases, int lockSet, int context, int readSite) {
        buffer(t).ownedWrite(owner, o, f, s, releases, lockSet, node(context), readSite);
    }

    /**
     * The new trace's node for the source's node {@code source}, which an owned access names
     * itself: the same stack, looked up in the new trace's tree (0 when it writes an event per
     * call, where an owned access cannot name a stack).
     */
    private int node(int source) {
        if (source <= 0 || source >= paths.size()) {
            return 0;
        }
        nodes = ArrayGrowth.toFit(nodes, source);
        if (nodes[source] == 0) {
            nodes[source] = writer.contextNode(node(paths.parent(source)), paths.method(source), paths.callSite(source));
        }
        return nodes[source];
    }
}
