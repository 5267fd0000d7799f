package dev.racelock.bench.analyzer;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.BinaryTraceExporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the trace of a program that runs many short-lived threads, the shape of a test suite
 * that starts thousands of threads: main keeps {@code alive} workers running at once and starts a
 * new one whenever one ends, {@code threads} in all. Each worker, in turns with the others, does
 * a few updates of random entries among {@code volatiles} objects (read the entry's volatile
 * state, read and write its plain value, write the state back: a pool's per-entry handshake),
 * then bumps an unguarded counter (the one race to find) and ends. Main joins three of four
 * finished workers and learns of the fourth through a hand-off (a latch), as executors never
 * join their workers.
 *
 * <p>Analysing it must fit in a 1 GB heap: clock memory must follow the threads alive at once,
 * not every thread that ever ran (docs/performance.md, "Analyzer").
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.racelock.bench.analyzer.ShortLivedThreadsTrace OUT.rlt [threads] [alive] [volatiles]</pre>
 */
public final class ShortLivedThreadsTrace {

    static final int UPDATES_PER_WORKER = 8;
    private static final int F_STATE = 0, F_VALUE = 1, F_COUNTER = 2;
    private static final int M_RUN = 0, M_MAIN = 1;
    private static final int S_START = 0, S_STATE_READ = 1, S_VALUE = 2, S_STATE_WRITE = 3, S_COUNTER = 4, S_JOIN = 5;
    private static final long LATCH_BASE = 1L << 40;

    private ShortLivedThreadsTrace() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ShortLivedThreadsTrace OUT.rlt [threads] [alive] [volatiles]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int alive = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int volatiles = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        BinaryTraceExporter exporter = new BinaryTraceExporter(out);
        exporter.header(new TraceHeader(1, 1, System.currentTimeMillis(), "17", "bench short-lived threads", "", true, true));
        long events = write(exporter, threads, alive, volatiles, 42);
        exporter.end(new TraceEnd(events, true, null));
        try {
            System.out.printf("%s: %,d threads (%d alive at once), %,d volatile fields, %,d events, %,d bytes%n",
                    out, threads, alive, volatiles, events, Files.size(out));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Emits the whole program into {@code v}; returns the number of events (dictionary entries not counted). */
    static long write(EventVisitor v, int threads, int alive, int volatiles, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        v.method(new MethodInfo(M_RUN, "com.acme.pool.Worker", "run", "()V", "Worker.java"));
        v.method(new MethodInfo(M_MAIN, "com.acme.pool.PoolTest", "manyThreads", "()V", "PoolTest.java"));
        v.site(new SiteInfo(S_START, M_MAIN, 20));
        v.site(new SiteInfo(S_STATE_READ, M_RUN, 31));
        v.site(new SiteInfo(S_VALUE, M_RUN, 32));
        v.site(new SiteInfo(S_STATE_WRITE, M_RUN, 33));
        v.site(new SiteInfo(S_COUNTER, M_RUN, 40));
        v.site(new SiteInfo(S_JOIN, M_MAIN, 25));
        v.field(new FieldInfo(F_STATE, "com.acme.pool.Entry", "state", "I", true, false));
        v.field(new FieldInfo(F_VALUE, "com.acme.pool.Entry", "value", "I", false, false));
        v.field(new FieldInfo(F_COUNTER, "com.acme.pool.Worker", "finished", "I", false, true));
        v.thread(new ThreadInfo(0, "main", -1, -1, false));
        v.threadBegin(0);
        long events = 1;
        List<int[]> running = new ArrayList<>(); // {thread, updates done}
        int started = 0;
        while (started < threads || !running.isEmpty()) {
            while (running.size() < alive && started < threads) {
                int t = ++started;
                v.thread(new ThreadInfo(t, "worker-" + t, 0, S_START, false));
                v.threadStart(0, t, S_START);
                v.threadBegin(t);
                events += 2;
                running.add(new int[] {t, 0});
            }
            int k = r.nextInt(running.size());
            int[] w = running.get(k);
            int t = w[0];
            if (w[1]++ < UPDATES_PER_WORKER) {
                long entry = 1 + r.nextInt(volatiles);
                v.volatileRead(t, entry, F_STATE, S_STATE_READ);
                v.read(t, entry, F_VALUE, S_VALUE);
                v.write(t, entry, F_VALUE, S_VALUE);
                v.volatileWrite(t, entry, F_STATE, S_STATE_WRITE);
                events += 4;
                continue;
            }
            v.read(t, 0, F_COUNTER, S_COUNTER);
            v.write(t, 0, F_COUNTER, S_COUNTER);
            boolean latch = t % 4 == 0;
            if (latch) {
                v.hbRelease(t, LATCH_BASE + t, S_COUNTER);
            }
            v.threadEnd(t);
            if (latch) {
                v.hbAcquire(0, LATCH_BASE + t, S_JOIN);
            } else {
                v.threadJoin(0, t, S_JOIN);
            }
            events += latch ? 5 : 4;
            running.remove(k);
        }
        v.threadEnd(0);
        return events + 1;
    }
}
