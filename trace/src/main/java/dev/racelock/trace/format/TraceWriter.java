package dev.racelock.trace.format;

import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceHeader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one trace file (format v1, docs/trace-format.md) for one JVM.
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
public final class TraceWriter implements AutoCloseable {

    /** Opens {@code file} (created or truncated) and writes the header. */
    public static TraceWriter open(Path file, TraceHeader header, long flushIntervalMillis) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A new buffer for the calling thread, which must be the only one to use it. */
    public ThreadEventBuffer newThreadBuffer(int thread) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void defineThread(ThreadInfo thread) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void defineMethod(MethodInfo method) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void defineSite(SiteInfo site) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void defineField(FieldInfo field) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void defineObject(ObjectInfo object) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Records that {@code object} was collected; batched. */
    public void objectFreed(long object) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes the watchdog's finding and flushes everything recorded so far to disk. */
    public void observedDeadlock(ObservedDeadlock deadlock) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Writes everything recorded so far, including the unflushed tails of every thread buffer,
     * and forces it to disk. Safe while other threads keep recording.
     */
    public void flush() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The first I/O failure, or null. */
    public IOException failure() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Flushes, writes the end block, closes the file. Recording after close is ignored. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
