package dev.racelock.bench.trace;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state of a benchmark that reads a trace file: the subclass {@link #write}s the trace once
 * per trial, into a temporary file deleted after it, so the benchmark methods time the reading
 * alone.
 */
@State(Scope.Benchmark)
public abstract class TraceFileBenchmark {

    /** The trace the benchmark methods read. */
    protected Path traceFile;

    @Setup(Level.Trial)
    public void writeTrace() throws Exception {
        traceFile = Files.createTempFile("racelock-bench-", ".rlt");
        write(traceFile);
    }

    @TearDown(Level.Trial)
    public void deleteTrace() throws IOException {
        Files.deleteIfExists(traceFile);
    }

    /** Writes this trial's trace to {@code file}. */
    protected abstract void write(Path file) throws Exception;
}
