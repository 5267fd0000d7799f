package dev.racelock.bench.agent;

import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.agent.runtime.WriterOutput;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.TraceWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the recording benchmarks' hooks write: {@code none} drops every event after the hook
 * (the agent's own share), {@code trace} writes a real trace to a temp file, deleted on close.
 * The repeat filter is off, so every call records.
 */
final class RecordingSink implements AutoCloseable {
    private final TraceWriter writer;
    private final Path file;

    private RecordingSink(TraceWriter writer, Path file) {
        this.writer = writer;
        this.file = file;
    }

    /** @param sink {@code none} or {@code trace} (the benchmarks' {@code sink} parameter) */
    static RecordingSink open(String sink) throws IOException {
        if (!sink.equals("trace")) {
            Recording.start(TraceOutput.NONE, false);
            return new RecordingSink(null, null);
        }
        Path file = Files.createTempFile("racelock-bench", ".rlt");
        TraceWriter writer = TraceWriter.open(file, new TraceHeader(1, 0, 0, "", "", "", true, true), 100);
        Recording.start(new WriterOutput(writer, file.toString(), System.err), false);
        return new RecordingSink(writer, file);
    }

    @Override
    public void close() throws IOException {
        Recording.start(TraceOutput.NONE, false);
        if (writer != null) {
            writer.close();
            Files.deleteIfExists(file);
        }
    }
}
