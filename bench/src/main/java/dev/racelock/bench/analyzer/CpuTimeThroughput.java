package dev.racelock.bench.analyzer;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.files.TraceFiles;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link AnalyzerBenchmark} workload timed by the analyzing thread's CPU time as well as
 * wall-clock time: on a machine shared with other jobs, events per CPU-second is the figure that
 * says what one core does. A cross-check for the JMH score, not a replacement.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.racelock.bench.analyzer.CpuTimeThroughput [rounds] [stream|file]</pre>
 *
 * <p>{@code file}: the events are first written as a binary trace, then each round reads it with
 * TraceFiles.read into a fresh session (the reader runs in the timed thread).
 */
public final class CpuTimeThroughput {

    private CpuTimeThroughput() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        boolean fromFile = args.length > 1 && args[1].equals("file");
        SyntheticWorkload workload = new SyntheticWorkload(AnalyzerBenchmark.BLOCK, 42);
        int[] h = workload.block.histogram();
        System.out.printf("block of %d events: reads %d, writes %d, array %d, volatile %d, lock events %d, "
                        + "method enter/exit %d, hand-offs %d%n", workload.block.size(), h[0], h[1], h[2] + h[3],
                h[4] + h[5], h[6] + h[7] + h[8], h[9] + h[10], h[11] + h[12]);
        Path trace = null;
        if (fromFile) {
            trace = Files.createTempFile("racelock-bench", ".rlt");
            workload.writeBinary(AnalyzerBenchmark.EVENTS, trace);
            System.out.printf("binary trace: %,d bytes%n", Files.size(trace));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            AnalysisSession session = new AnalysisSession();
            AnalysisResult result;
            if (trace != null) {
                TraceFiles.read(trace, session, ReadProgress.NONE);
                result = session.result();
            } else {
                result = workload.analyze(session, AnalyzerBenchmark.EVENTS);
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("round %d: %,d events, %d findings: %.1f M events/CPU-s, %.1f M events/s wall%n", round,
                    result.events(), result.findings().size(), result.events() / cpu / 1e6, result.events() / wall / 1e6);
        }
        if (trace != null) {
            Files.delete(trace);
        }
    }
}
