package dev.racelock.agent.runtime;

import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.TraceWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A recording into a trace file through the real hooks with the ownership filter on, for threads
 * driven by hand: each thread's context has the ownership recorder in front of a repeat filter
 * and its buffer, as the agent sets them up; the dictionary is RandomExecution's.
 */
final class OwnedRecording implements AutoCloseable {

    private final WriterOutput out;
    private final ThreadContext[] contexts;

    OwnedRecording(Path file, int threads) throws IOException {
        TraceWriter writer = TraceWriter.open(file, new TraceHeader(2, 1, 0, "17", "test", "", true, false, true), 1000);
        out = new WriterOutput(writer, file.toString(), System.err);
        RandomExecution.define(out, threads);
        Recording.start(out, true, true);
        contexts = new ThreadContext[threads];
        for (int t = 0; t < threads; t++) {
            EventRecorder buffer = out.newRecorder(t);
            RepeatFilter filter = new RepeatFilter(buffer);
            OwnershipRecorder owned = new OwnershipRecorder(filter);
            contexts[t] = new ThreadContext(t, owned, filter, buffer);
            contexts[t].owned = owned;
            owned.attach(contexts[t]);
        }
    }

    /** Thread {@code t}'s context: pass it to the hooks (Rt), or record through its recorder. */
    ThreadContext thread(int t) {
        return contexts[t];
    }

    /** Ends the trace (the writer's end block). */
    @Override
    public void close() {
        out.close();
    }
}
