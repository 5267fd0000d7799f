package dev.racelock.bench.analyzer;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.files.TraceFiles;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Analysis throughput on a recorded trace (a workload run under the agent): each round reads the
 * file with TraceFiles.read into a fresh session of each analysis set named (in turn, so that
 * neighbour load hits them alike), timed by the analyzing thread's CPU time and by the wall
 * clock. The reader runs in the timed thread, as in {@code racelock analyze}; the collector's and
 * the compiler's threads are not in the CPU time (bench/analysis-modes.sh times the whole JVM).
 *
 * <pre>java -Xmx6g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.racelock.bench.analyzer.TraceThroughput TRACE [rounds] [hb,predictive]</pre>
 */
public final class TraceThroughput {

    private TraceThroughput() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: TraceThroughput TRACE [rounds] [hb,predictive]");
            System.exit(2);
        }
        Path trace = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<AnalysisSet> sets = new ArrayList<>();
        for (String id : (args.length > 2 ? args[2] : "hb").split(",")) {
            sets.add(AnalysisSet.fromId(id));
        }
        System.out.printf("%s: %,d bytes%n", trace, Files.size(trace));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (AnalysisSet set : sets) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                AnalysisSession session = new AnalysisSession(set.factories());
                TraceFiles.read(trace, session, ReadProgress.NONE);
                AnalysisResult result = session.result();
                double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
                double wall = (System.nanoTime() - wall0) / 1e9;
                System.out.printf("round %d %s: %,d events, %d findings: %.1f M events/CPU-s (%.1f CPU-s),"
                                + " %.1f M events/s wall (%.1f s)%n",
                        round, set.id(), result.events(), result.findings().size(), result.events() / cpu / 1e6,
                        cpu, result.events() / wall / 1e6, wall);
            }
        }
    }
}
