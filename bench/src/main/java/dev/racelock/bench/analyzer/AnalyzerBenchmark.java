package dev.racelock.bench.analyzer;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.bench.trace.TraceFileBenchmark;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.files.TraceFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Analysis throughput, races + lock order + observed deadlocks (the standard session), on a
 * 20 M-event stream of {@link SyntheticWorkload}, one core. Score = events per second (one
 * operation = one event).
 * <ul>
 *   <li>{@code analyzeStream}: events fed directly through the visitor (the analyses alone);</li>
 *   <li>{@code analyzeBinaryTrace}: the same events written once as a binary trace file at setup,
 *       then read with TraceFiles.read into the session (reader + analyses, as the CLI runs).</li>
 * </ul>
 *
 * <pre>java -jar bench/target/benchmarks.jar AnalyzerBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class AnalyzerBenchmark extends TraceFileBenchmark {

    static final int EVENTS = 20_000_000;
    static final int BLOCK = 1_000_000;

    private final SyntheticWorkload workload = new SyntheticWorkload(BLOCK, 42);

    @Override
    protected void write(Path file) {
        workload.writeBinary(EVENTS, file);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public AnalysisResult analyzeBinaryTrace() throws IOException {
        AnalysisSession session = new AnalysisSession();
        TraceFiles.read(traceFile, session, ReadProgress.NONE);
        return session.result();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public AnalysisResult analyzeStream() {
        return workload.analyze(new AnalysisSession(), EVENTS);
    }
}
