package dev.racelock.bench.analyzer;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.lockorder.LockOrderAnalysis;
import dev.racelock.analyzer.lockorder.PredictiveLockOrderAnalysis;
import dev.racelock.analyzer.predict.PredictiveRaceAnalysis;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.TraceState;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Function;

/**
 * The cost of predictive analysis on the {@link AnalyzerBenchmark} stream (20 M events of
 * {@link SyntheticWorkload}, fed directly through the visitor), timed by the analyzing thread's
 * CPU time, in interleaved rounds so that neighbour load hits every configuration alike:
 * <ul>
 *   <li>{@code hb}: the standard session (races, lock order, observed deadlocks);</li>
 *   <li>{@code predictive}: the session {@code --analysis predictive} runs (the same plus WCP);</li>
 *   <li>{@code wcp-alone}: the predictive race analysis on its own;</li>
 *   <li>{@code spd-alone}: the lock-order analysis with deadlock prediction on its own;</li>
 *   <li>{@code lockorder-alone}: the lock-order analysis of {@code hb} on its own, the base the
 *       prediction adds to.</li>
 * </ul>
 *
 * <pre>java -Xmx2g -cp bench/target/benchmarks.jar dev.racelock.bench.analyzer.PredictiveThroughput [rounds] [hb|predictive|wcp-alone|spd-alone|lockorder-alone]</pre>
 */
public final class PredictiveThroughput {

    private PredictiveThroughput() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String only = args.length > 1 ? args[1] : null;
        SyntheticWorkload workload = new SyntheticWorkload(AnalyzerBenchmark.BLOCK, 42);
        Function<TraceState, PredictiveRaceAnalysis> wcp = PredictiveRaceAnalysis::new;
        Function<TraceState, PredictiveLockOrderAnalysis> spd = PredictiveLockOrderAnalysis::new;
        Function<TraceState, LockOrderAnalysis> lockOrder = LockOrderAnalysis::new;
        List<List<Function<TraceState, ? extends Analysis>>> configs = List.of(AnalysisSet.HB.factories(),
                AnalysisSet.PREDICTIVE.factories(), List.of(wcp), List.of(spd), List.of(lockOrder));
        String[] names = {"hb", "predictive", "wcp-alone", "spd-alone", "lockorder-alone"};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int c = 0; c < configs.size(); c++) {
                if (only != null && !only.equals(names[c])) {
                    continue;
                }
                long cpu0 = mx.getCurrentThreadCpuTime();
                AnalysisResult result = workload.analyze(new AnalysisSession(configs.get(c)), AnalyzerBenchmark.EVENTS);
                double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
                line.append(String.format("  %s %.1f M events/CPU-s (%d findings)", names[c],
                        result.events() / cpu / 1e6, result.findings().size()));
            }
            System.out.println(line);
        }
    }
}
