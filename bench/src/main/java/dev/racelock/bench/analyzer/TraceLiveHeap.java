package dev.racelock.bench.analyzer;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.files.TraceFiles;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * The analyses' live heap on a recorded trace: the heap in use after a full collection
 * ({@code System.gc()}, a full collection with the parallel and G1 collectors) when the session
 * has seen each share of the trace's events and at its end, before the findings are built, with
 * a class histogram there. Unlike the collector's log of a timed run, whose full collections come
 * wherever the heap fills, the figures of two analyzers are taken at the same events.
 *
 * <pre>java -Xmx8g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.racelock.bench.analyzer.TraceLiveHeap TRACE [predictive] [shares] [histogram lines]</pre>
 */
public final class TraceLiveHeap {

    private TraceLiveHeap() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TraceLiveHeap TRACE [hb|predictive] [shares] [histogram lines]");
            System.exit(2);
        }
        Path trace = Path.of(args[0]);
        AnalysisSet set = AnalysisSet.fromId(args.length > 1 ? args[1] : "predictive");
        int shares = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int histogram = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        AnalysisSession session = new AnalysisSession(set.factories());
        int[] taken = {0};
        ReadProgress atShares = (read, size, events) -> {
            // Shares are of the file's events (ReadProgress: bytesRead counts delivered events in bytes).
            if (size > 0 && taken[0] + 1 < shares && read * shares >= (taken[0] + 1) * size) {
                taken[0]++;
                System.out.printf("%,d events: live %,d MB%n", events, liveMegabytes());
            }
        };
        TraceFiles.read(trace, session, atShares);
        System.out.printf("end of trace, %,d events: live %,d MB%n", session.events(), liveMegabytes());
        if (histogram > 0) {
            String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            h.lines().limit(histogram + 3L).forEach(System.out::println);
        }
        AnalysisResult result = session.result(); // the session stays reachable through the measurements
        System.out.printf("%d findings%n", result.findings().size());
    }

    private static long liveMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
