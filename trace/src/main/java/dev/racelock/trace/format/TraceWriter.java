package dev.racelock.trace.format;

import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceHeader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes one trace file (format 2, docs/trace-format.md) for one JVM.
 *
 * <p>Threads record into their own {@link ThreadEventBuffer}s with no lock; one background
 * writer thread owned by this object drains them into framed chunks, interleaved with the
 * dictionary entries they refer to (an entry defined before an event is recorded is always
 * written before the chunk holding that event). It also drains buffers that are not full every
 * {@code flushIntervalMillis}, so a killed JVM loses at most that much.
 *
 * <p>Dictionary calls and {@link #objectFreed} are thread-safe and may be made from any thread.
 * None of them calls back into code that could be instrumented.
 *
 * <p>I/O failures (full disk, unwritable path) never reach the recording threads: the writer
 * reports the first one through {@link #failure()} and drops further output.
 */
public final class TraceWriter implements AutoCloseable, TraceDictionary {

    /** The writer thread's name; the agent must not record this thread. */
    public static final String WRITER_THREAD_NAME = "racelock-trace-writer";

    /** Dictionary payloads are cut near this size, far below the format's bound. */
    private static final int DICTIONARY_BLOCK_BYTES = 1 << 20;
    /** Freed ids per block: at most 10 bytes each, so a block stays below the payload bound. */
    private static final int FREED_PER_BLOCK = 1 << 20;

    /**
     * How a trace carries the calling context. {@link #TREE}, format 2's own: a buffer keeps
     * its thread's stack and writes a context event, naming a node of the trace's
     * calling-context tree, only before an event recorded in a different stack than the
     * previous one. {@link #CALL_EVENTS}: an event per method enter and exit, as format 1 did,
     * kept to check that both give the same stacks and for comparison.
     */
    public enum Contexts { TREE, CALL_EVENTS }

    private final SyncSequence sequence = new SyncSequence();
    /** Null with {@link Contexts#CALL_EVENTS}. */
    private final CallingContextTree contexts;
    private final BlockOutput out;
    private final long intervalNanos;
    private final Thread writerThread;

    private final ConcurrentLinkedQueue<ThreadEventBuffer> registrations = new ConcurrentLinkedQueue<>();
    /** Dictionary entries and observed deadlocks, in the order they were given. */
    private final ConcurrentLinkedQueue<Object> definitions = new ConcurrentLinkedQueue<>();
    private final Object freedLock = new Object();
    private long[] freed = new long[64];
    private int freedCount;

    private final AtomicLong flushRequested = new AtomicLong();
    private final Object flushMonitor = new Object();
    private long flushCompleted;

    private volatile boolean closing;
    private volatile boolean finished;
    private volatile boolean drainRequested;
    private volatile IOException crash;

    // ---- writer thread only ----------------------------------------------------------------------
    private final List<ThreadEventBuffer> buffers = new ArrayList<>();
    private final List<Capture> captures = new ArrayList<>();
    private final DictionaryEncoder dictionary = new DictionaryEncoder();
    private final PayloadBuilder payload = new PayloadBuilder();
    private long eventsWritten;
    private long lastWatermark;

    private TraceWriter(WritableByteChannel channel, long flushIntervalMillis, Contexts contexts) {
        this.contexts = contexts == Contexts.TREE ? new CallingContextTree(this) : null;
        this.out = new BlockOutput(channel);
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, flushIntervalMillis));
        this.writerThread = new Thread(this::run, WRITER_THREAD_NAME);
        writerThread.setDaemon(true);
    }

    /** Opens {@code file} (created or truncated) and writes the header; calling contexts as a tree. */
    public static TraceWriter open(Path file, TraceHeader header, long flushIntervalMillis) throws IOException {
        return open(file, header, flushIntervalMillis, Contexts.TREE);
    }

    /** As {@link #open(Path, TraceHeader, long)}, choosing how calling contexts are written. */
    public static TraceWriter open(Path file, TraceHeader header, long flushIntervalMillis, Contexts contexts)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return open(channel, header, flushIntervalMillis, contexts);
    }

    /** As {@link #open(Path, TraceHeader, long)}, onto a channel opened for writing; for tests of I/O failures. */
    static TraceWriter open(FileChannel channel, TraceHeader header, long flushIntervalMillis) throws IOException {
        return open(channel, header, flushIntervalMillis, Contexts.TREE);
    }

    /**
     * As {@link #open(Path, TraceHeader, long)}, onto a channel opened for writing: a file, or a
     * socket to a reader that analyzes the trace as it is written (TraceStreamReader). A channel
     * that is not a file is never forced; its writes block while the reader lags, and so do the
     * recording threads once {@link ThreadEventBuffer#MAX_IN_FLIGHT} segments wait.
     */
    public static TraceWriter open(WritableByteChannel channel, TraceHeader header, long flushIntervalMillis,
                                   Contexts contexts) throws IOException {
        TraceWriter writer = new TraceWriter(channel, flushIntervalMillis, contexts);
        writer.out.preamble();
        PayloadBuilder headerPayload = new PayloadBuilder();
        HeaderCodec.encode(header, headerPayload);
        writer.out.block(TraceFormat.BLOCK_HEADER, headerPayload.array(), headerPayload.size());
        writer.out.drainStaging();
        if (writer.out.failure() != null) {
            writer.out.close();
            throw writer.out.failure();
        }
        writer.writerThread.start();
        return writer;
    }

    /** A new buffer for the calling thread, which must be the only one to use it. */
    public ThreadEventBuffer newThreadBuffer(int thread) {
        ThreadEventBuffer buffer = new ThreadEventBuffer(this, sequence, contexts, thread);
        if (!closing) { // after close the buffer records into the void, and nothing holds on to it
            registrations.add(buffer);
        }
        return buffer;
    }

    /** Whether {@code thread} is this writer's own thread, which must never be recorded. */
    public boolean isWriterThread(Thread thread) {
        return thread == writerThread;
    }

    public void defineThread(ThreadInfo thread) {
        define(thread);
    }

    public void defineMethod(MethodInfo method) {
        define(method);
    }

    public void defineSite(SiteInfo site) {
        define(site);
    }

    public void defineField(FieldInfo field) {
        define(field);
    }

    public void defineObject(ObjectInfo object) {
        define(object);
    }

    /**
     * The node of the stack {@code parent} plus (method, callSite) in this trace's calling-context
     * tree, defined now if new; 0 when calling contexts are written as an event per call.
     */
    int contextNode(int parent, int method, int callSite) {
        return contexts == null ? 0 : contexts.child(parent, method, callSite);
    }

    /** A lock set, before the first owned access that names it ({@link ThreadEventBuffer#ownedRead}). */
    public void defineLockSet(LockSetInfo set) {
        define(set);
    }

    /** Names a test before a thread records its first {@link ThreadEventBuffer#testStart}. */
    public void defineTest(TestCaseInfo test) {
        define(test);
    }

    /** A new node of the calling-context tree, queued by the tree in id order (CallingContextTree). */
    void defineContext(ContextInfo node) {
        define(node);
    }

    private void define(Object entry) {
        if (!closing) {
            definitions.add(entry);
        }
    }

    /** Records that {@code object} was collected; batched. */
    public void objectFreed(long object) {
        synchronized (freedLock) {
            if (closing) {
                return;
            }
            freed = ArrayGrowth.toFit(freed, freedCount);
            freed[freedCount++] = object;
        }
    }

    /** Writes the watchdog's finding and flushes everything recorded so far to disk. */
    public void observedDeadlock(ObservedDeadlock deadlock) {
        define(deadlock);
        flush();
    }

    /**
     * Writes everything recorded so far, including the unflushed tails of every thread buffer,
     * and forces it to disk. Safe while other threads keep recording.
     */
    public void flush() {
        if (finished || Thread.currentThread() == writerThread) {
            return;
        }
        long ticket = flushRequested.incrementAndGet();
        drainRequested = true;
        LockSupport.unpark(writerThread);
        boolean interrupted = false;
        synchronized (flushMonitor) {
            while (flushCompleted < ticket && !finished) {
                try {
                    flushMonitor.wait(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first I/O failure, or null. */
    public IOException failure() {
        IOException crashed = crash;
        return crashed != null ? crashed : out.failure();
    }

    /** Flushes, writes the end block, closes the file. Recording after close is ignored. */
    @Override
    public void close() {
        synchronized (freedLock) {
            closing = true;
        }
        LockSupport.unpark(writerThread);
        boolean interrupted = false;
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- called by recording threads on their slow path ------------------------------------------

    /** The writer has written its end block (or died): nothing recorded from now on is read. */
    boolean isFinished() {
        return finished;
    }

    /** Asks the writer thread to drain now rather than at its next interval. */
    void requestDrain() {
        if (!drainRequested) {
            drainRequested = true;
            LockSupport.unpark(writerThread);
        }
    }

    // ---- the writer thread -------------------------------------------------------------------------

    private void run() {
        try {
            while (true) {
                boolean stop = closing;
                long ticket = flushRequested.get();
                drainRequested = false;
                drainOnce();
                if (ticket > flushCompletedSnapshot()) {
                    out.force();
                    completeFlush(ticket);
                }
                if (stop) {
                    break;
                }
                if (!drainRequested) {
                    LockSupport.parkNanos(this, intervalNanos);
                }
            }
            writeEnd();
            out.force();
        } catch (Throwable t) {
            // A bug here must not take the recorded program down; say so through failure().
            crash = new IOException("trace writer failed: " + t, t);
        } finally {
            out.close();
            finished = true;
            completeFlush(Long.MAX_VALUE);
        }
    }

    private long flushCompletedSnapshot() {
        synchronized (flushMonitor) {
            return flushCompleted;
        }
    }

    private void completeFlush(long ticket) {
        synchronized (flushMonitor) {
            flushCompleted = Math.max(flushCompleted, ticket);
            flushMonitor.notifyAll();
        }
    }

    /**
     * One pass: note how far every buffer is committed, then write the dictionary entries
     * defined so far, then the chunks up to those positions. Capturing positions first is what
     * puts every entry before its first use: an entry defined before an event was committed is
     * in the queue by the time the writer has seen that commit (release/acquire, JLS 17.4.5).
     */
    private void drainOnce() {
        long mark = sequence.peek(); // first: see watermark()
        ThreadEventBuffer registered;
        while ((registered = registrations.poll()) != null) {
            buffers.add(registered);
        }
        for (ThreadEventBuffer buffer : buffers) {
            mark = Math.min(mark, buffer.inFlightAcquire());
        }
        captures.clear();
        boolean anyRetired = false;
        for (ThreadEventBuffer buffer : buffers) {
            boolean ended = buffer.endedAcquire(); // read first: then the capture sees its last event
            capture(buffer);
            buffer.retired = ended;
            anyRetired |= ended;
        }
        writeDefinitions();
        writeFreed();
        for (Capture c : captures) {
            if (c.count > 0) {
                out.chunk(c.buffer.thread, c.segment.data, c.from, c.to - c.from, c.count);
                eventsWritten += c.count;
            }
            if (c.sealed) {
                c.buffer.recycle(c.segment);
            }
        }
        if (anyRetired) {
            buffers.removeIf(buffer -> buffer.retired);
        }
        watermark(mark);
        out.drainStaging();
    }

    /**
     * A watermark block after the chunks of a drain (format 2.2): every synchronization event
     * numbered below {@code mark} is in the blocks before it, so a reader of the stream may
     * deliver them (TraceStreamReader). {@code mark} is the sequence read before this drain's
     * registrations and captures, lowered to any number a thread had taken and not committed:
     * a number below the sequence was taken before the read, so its thread's buffer was
     * registered by then, and it was either committed before the capture or is bounded by
     * that thread's {@link ThreadEventBuffer#inFlightAcquire}.
     */
    private void watermark(long mark) {
        if (mark <= lastWatermark) {
            return;
        }
        lastWatermark = mark;
        payload.clear();
        payload.varLong(mark);
        out.block(TraceFormat.BLOCK_WATERMARK, payload.array(), payload.size());
        payload.clear();
    }

    private void capture(ThreadEventBuffer buffer) {
        Segment segment = buffer.drainHead;
        while (true) {
            long committed = segment.committedAcquire();
            Segment next = segment.nextAcquire();
            if (next != null) {
                committed = segment.committedAcquire(); // final: linked after the last commit
            }
            int to = Segment.position(committed);
            int count = Segment.count(committed);
            if (to != buffer.drainedPosition || next != null) {
                captures.add(new Capture(buffer, segment, buffer.drainedPosition, to,
                        count - buffer.drainedCount, next != null));
            }
            if (next == null) {
                buffer.drainedPosition = to;
                buffer.drainedCount = count;
                return;
            }
            segment = next;
            buffer.drainHead = next;
            buffer.drainedPosition = 0;
            buffer.drainedCount = 0;
        }
    }

    private void writeDefinitions() {
        payload.clear();
        Object entry;
        while ((entry = definitions.poll()) != null) {
            if (entry instanceof ObservedDeadlock deadlock) {
                writeDictionaryBlock();
                DeadlockCodec.encode(deadlock, payload);
                out.block(TraceFormat.BLOCK_DEADLOCK, payload.array(), payload.size());
                payload.clear();
            } else {
                dictionary.encode(entry, payload);
                if (payload.size() >= DICTIONARY_BLOCK_BYTES) {
                    writeDictionaryBlock();
                }
            }
        }
        writeDictionaryBlock();
    }

    private void writeDictionaryBlock() {
        if (payload.size() > 0) {
            out.block(TraceFormat.BLOCK_DICTIONARY, payload.array(), payload.size());
            payload.clear();
        }
    }

    /**
     * Freed ids in blocks that carry the sequence number current when they are written: every
     * synchronization event numbered below it was taken before the batch was written, and the
     * reader delivers the batch once the merge has passed them (docs/trace-format.md).
     */
    private void writeFreed() {
        long[] batch;
        int count;
        synchronized (freedLock) {
            if (freedCount == 0) {
                return;
            }
            batch = freed;
            count = freedCount;
            freed = new long[64];
            freedCount = 0;
        }
        Arrays.sort(batch, 0, count);
        long seq = sequence.peek();
        for (int from = 0; from < count; from += FREED_PER_BLOCK) {
            int n = Math.min(FREED_PER_BLOCK, count - from);
            payload.clear();
            payload.varLong(seq);
            payload.varInt(n);
            long previous = 0;
            for (int i = from; i < from + n; i++) {
                payload.signedLong(batch[i] - previous);
                previous = batch[i];
            }
            out.block(TraceFormat.BLOCK_FREED, payload.array(), payload.size());
        }
        payload.clear();
    }

    private void writeEnd() {
        payload.clear();
        payload.varLong(eventsWritten);
        payload.varLong(sequence.peek());
        out.block(TraceFormat.BLOCK_END, payload.array(), payload.size());
        payload.clear();
    }

    /** Bytes {@code [from, to)} of a segment, holding {@code count} whole events, ready to be written. */
    private record Capture(ThreadEventBuffer buffer, Segment segment, int from, int to, int count, boolean sealed) {}
}
