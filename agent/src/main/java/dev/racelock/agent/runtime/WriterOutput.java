package dev.racelock.agent.runtime;

import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
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

    @Override public void defineThread(ThreadInfo thread) { writer.defineThread(thread); }
    @Override public void defineMethod(MethodInfo method) { writer.defineMethod(method); }
    @Override public void defineSite(SiteInfo site) { writer.defineSite(site); }
    @Override public void defineField(FieldInfo field) { writer.defineField(field); }
    @Override public void defineObject(ObjectInfo object) { writer.defineObject(object); }
    @Override public void defineLockSet(LockSetInfo set) { writer.defineLockSet(set); }
    @Override public void objectFreed(long object) { writer.objectFreed(object); }
    @Override public void defineTest(TestCaseInfo test) { writer.defineTest(test); }

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
