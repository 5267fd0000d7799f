package dev.racelock.bench.analyzer;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.TraceEnd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Analysis throughput, races + lock order + observed deadlocks (the standard session), on a
 * 20 M-event stream of {@link SyntheticWorkload} fed directly through the visitor, one core.
 * Score = events per second (one operation = one event).
 *
 * <pre>java -jar bench/target/benchmarks.jar AnalyzerBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class AnalyzerBenchmark {

    static final int EVENTS = 20_000_000;
    static final int BLOCK = 1_000_000;

    private SyntheticWorkload workload;

    @Setup(Level.Trial)
    public void generate() {
        workload = new SyntheticWorkload(BLOCK, 42);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public AnalysisResult analyzeStream() {
        AnalysisSession session = new AnalysisSession();
        workload.prologue(session);
        long events = 0;
        while (events < EVENTS) {
            workload.block.replay(session);
            events += workload.block.size();
        }
        session.end(new TraceEnd(session.events(), true, null));
        return session.result();
    }
}
