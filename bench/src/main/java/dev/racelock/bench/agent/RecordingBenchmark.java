package dev.racelock.bench.agent;

import dev.racelock.agent.runtime.Rt;
import dev.racelock.agent.runtime.ThreadContext;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.concurrent.TimeUnit;

/**
 * What every benchmark of the agent's hooks shares: the hooks record into the
 * {@link RecordingSink} its {@code sink} parameter names, and are called with the benchmark
 * thread's context, as instrumented code calls them; each call is measured in nanoseconds on
 * average, with the same warmup and measurement. JMH's annotations are inherited, and it runs
 * the setup and teardown of this superclass for each subclass's trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public abstract class RecordingBenchmark {

    @Param({"none", "trace"})
    public String sink;

    private RecordingSink recording;
    /** The benchmark thread's context, as instrumented code gets it ({@code Rt.context()}). */
    protected ThreadContext context;

    @Setup(Level.Trial)
    public void openRecording(BenchmarkParams params) throws Exception {
        recording = RecordingSink.open(sink);
        context = Rt.context();
        opened(params);
    }

    /**
     * Called once the recording is open and {@link #context} set, for a subclass whose trial
     * records something first (JMH gives no order between a superclass's setup and a subclass's).
     */
    protected void opened(BenchmarkParams params) {
    }

    @TearDown(Level.Trial)
    public void closeRecording() throws Exception {
        recording.close();
    }
}
