package dev.racelock.bench.trace;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.format.TraceReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Events per second the reader reads, checks, merges and decodes from a realistic-mix trace
 * ({@link RealisticMix}, four threads recording at once), delivered to a visitor that touches
 * every argument. Operations are events.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class TraceReadBenchmark extends TraceFileBenchmark {

    static final int THREADS = 4;
    static final int ROUNDS_PER_THREAD = 50_000;
    /**
     * The events the reader delivers: per thread, its rounds' events, its begin and end, and two
     * context events (into the round's method at its first event, back to the empty stack at its end).
     */
    static final int EVENTS = THREADS * (ROUNDS_PER_THREAD * RealisticMix.READ_EVENTS_PER_ROUND + 4);

    @Override
    protected void write(Path file) throws Exception {
        long bytes = MixedTrace.record(file, THREADS, ROUNDS_PER_THREAD);
        System.out.printf("%n%d events, %d bytes, %.2f bytes/event%n", EVENTS, bytes, (double) bytes / EVENTS);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long readAndDecode() throws IOException {
        Summing visitor = new Summing();
        TraceEnd end = TraceReader.read(traceFile, visitor);
        if (end.events() != EVENTS) {
            throw new IllegalStateException("read " + end);
        }
        return visitor.sum;
    }

    /** Touches every argument so that nothing is optimised away. */
    static final class Summing implements EventVisitor {
        long sum;

        @Override public void read(int t, long o, int f, int s) { sum += t + o + f + s; }
        @Override public void write(int t, long o, int f, int s) { sum += t ^ o ^ f ^ s; }
        @Override public void arrayRead(int t, long a, int i, int s) { sum += t + a + i + s; }
        @Override public void arrayWrite(int t, long a, int i, int s) { sum += t ^ a ^ i ^ s; }
        @Override public void volatileRead(int t, long o, int slot, int s) { sum += o + slot + s; }
        @Override public void lockAcquire(int t, long l, int s, int flags) { sum += l + s + flags; }
        @Override public void lockRelease(int t, long l, int s, int flags) { sum -= l + s + flags; }
        @Override public void methodEnter(int t, int m, int s) { sum += m + s; }
        @Override public void methodExit(int t) { sum++; }
    }
}
