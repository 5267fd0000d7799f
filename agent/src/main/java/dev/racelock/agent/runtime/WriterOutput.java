package dev.racelock.agent.runtime;

import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.format.TraceDictionary;
import dev.racelock.trace.format.TraceWriter;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The recording of a run going to a {@link TraceWriter}. The first I/O failure the writer reports
 * is turned into one warning on stderr; the program runs on (docs/agent.md, "Exit codes and messages").
 */
public final class WriterOutput implements TraceOutput {
    private final TraceWriter writer;
    private final String file;
    private final PrintStream err;
    private volatile boolean warned;

    public WriterOutput(TraceWriter writer, String file, PrintStream err) {
        this.writer = writer;
        this.file = file;
        this.err = err;
    }

    @Override
    public EventRecorder newRecorder(int thread) {
        return new BufferRecorder(writer.newThreadBuffer(thread));
    }

    @Override
    public boolean isOwnThread(Thread thread) {
        return writer.isWriterThread(thread);
    }

    /** The writer itself: it queues definitions and writes them on its own thread, so no failure shows here. */
    @Override
    public TraceDictionary dictionary() {
        return writer;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public void observedDeadlock(ObservedDeadlock deadlock) {
        writer.observedDeadlock(deadlock);
        warnOnFailure();
    }

    @Override
    public void flush() {
        writer.flush();
        warnOnFailure();
    }

    @Override
    public void close() {
        writer.close();
        warnOnFailure();
    }

    /** Called by the agent's own threads (watchdog, shutdown), never on the hot path. */
    public void warnOnFailure() {
        IOException failure = writer.failure();
        if (failure != null && !warned) {
            warned = true;
            err.println("racelock: cannot write trace " + file + ": " + failure.getMessage()
                    + "; recording stopped, the program runs on");
        }
    }
}
