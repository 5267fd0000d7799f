package dev.racelock.bench.agent;

import dev.racelock.agent.runtime.AtomicHooks;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.Rt;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.agent.runtime.WriterOutput;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.TraceWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cost of a recorded compareAndSet on an AtomicInteger, with the hooks called exactly as
 * {@code AtomicCallProbe} emits them around the call: one that succeeds every time and one
 * that fails every time. {@code sink=none} is the agent's share, {@code sink=trace} writes a
 * real trace (RecordingCallBenchmark's setup).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AtomicHookBenchmark {

    @Param({"none", "trace"})
    public String sink;

    private TraceWriter writer;
    private Path file;
    private ThreadContext context;
    private final AtomicInteger atomic = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws Exception {
        TraceOutput output = TraceOutput.NONE;
        if (sink.equals("trace")) {
            file = Files.createTempFile("racelock-bench", ".rlt");
            writer = TraceWriter.open(file, new TraceHeader(1, 0, 0, "", "", "", true, true), 100);
            output = new WriterOutput(writer, file.toString(), System.err);
        }
        Recording.resetForTests(output); // repeat filter off: every call records
        context = Rt.context();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        Recording.resetForTests(TraceOutput.NONE);
        if (writer != null) {
            writer.close();
            Files.deleteIfExists(file);
        }
    }

    /** The call alone, for scale. */
    @Benchmark
    public boolean plainCompareAndSet() {
        int v = atomic.get();
        return atomic.compareAndSet(v, v + 1);
    }

    /** Succeeds: the release half (numbered before the call) and the acquire half are recorded. */
    @Benchmark
    public boolean recordedCompareAndSetSucceeds() {
        int v = atomic.get();
        long reserved = AtomicHooks.reserve(context);
        boolean ok = atomic.compareAndSet(v, v + 1);
        AtomicHooks.compareAndSet(ok, atomic, reserved, true, 7, context);
        return ok;
    }

    /** Fails (the value is never -1): only the acquire half is recorded. */
    @Benchmark
    public boolean recordedCompareAndSetFails() {
        long reserved = AtomicHooks.reserve(context);
        boolean ok = atomic.compareAndSet(-1, 0);
        AtomicHooks.compareAndSet(ok, atomic, reserved, true, 7, context);
        return ok;
    }
}
