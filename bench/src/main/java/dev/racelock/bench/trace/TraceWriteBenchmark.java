package dev.racelock.bench.trace;

import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events per second one recording thread puts into its {@link ThreadEventBuffer}, with the
 * writer thread draining every buffer to a file in /tmp as the agent runs it (50 ms interval).
 * Operations are events: the score is events/s per benchmark (sum over threads).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceWriteBenchmark {

    @State(Scope.Benchmark)
    public static class Trace {
        TraceWriter writer;
        Path file;
        final AtomicInteger threads = new AtomicInteger();

        @Setup(Level.Iteration)
        public void open() throws IOException {
            file = Files.createTempFile("racelock-bench-", ".rlt");
            writer = TraceWriter.open(file, new TraceHeader(1, 1, 0, "17", "bench", "", true, true), 50);
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            writer.close();
            if (writer.failure() != null) {
                throw writer.failure();
            }
            Files.deleteIfExists(file);
        }
    }

    @State(Scope.Thread)
    public static class Recorder {
        ThreadEventBuffer buffer;
        RealisticMix mix;

        @Setup(Level.Iteration)
        public void open(Trace trace) {
            int thread = trace.threads.getAndIncrement();
            buffer = trace.writer.newThreadBuffer(thread);
            mix = new RealisticMix(thread);
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(RealisticMix.EVENTS_PER_ROUND)
    public void oneThread(Recorder r) {
        r.mix.round(r.buffer);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(RealisticMix.EVENTS_PER_ROUND)
    public void fourThreads(Recorder r) {
        r.mix.round(r.buffer);
    }
}
