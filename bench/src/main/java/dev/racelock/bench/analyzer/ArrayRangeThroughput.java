package dev.racelock.bench.analyzer;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Analysis of array ranges ({@code System.arraycopy}, {@code Arrays.fill}), the pattern of
 * buffer pools (Lucene's byte blocks, Jetty's buffers): 4 workers each fill a scratch block of
 * {@value #BLOCK} ints, change a few of its elements, copy it under a lock into a random block of
 * a shared pool of {@value #POOL} ints, and hand the block to another worker, which copies it out
 * and reads a few elements. Two workers can pick the same pool block, so there are races (the
 * reader does not take the lock). Events are fed straight into a session; timed by the analyzing
 * thread's CPU time. Prints events/s and array elements covered per second.
 *
 * <pre>java -Xmx1g -cp bench/target/benchmarks.jar dev.racelock.bench.analyzer.ArrayRangeThroughput [steps] [rounds]</pre>
 */
public final class ArrayRangeThroughput {

    static final int BLOCK = 8_192;
    static final int POOL = 1 << 20;
    static final int WORKERS = 4;
    private static final long POOL_ARRAY = 100, SCRATCH_BASE = 200, LOCK = 300, TOKEN_BASE = 400;
    private static final int FIELD_LOCK = 0;

    private ArrayRangeThroughput() {}

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            AnalysisSession session = new AnalysisSession();
            long elements = write(session, steps, 42);
            session.end(new TraceEnd(session.events(), true, null));
            AnalysisResult result = session.result();
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("round %d: %,d events covering %,d elements, %d findings: %.2f M events/CPU-s, %.0f M elements/CPU-s (%.2f s)%n",
                    round, result.events(), elements, result.findings().size(), result.events() / cpu / 1e6,
                    elements / cpu / 1e6, cpu);
        }
    }

    /** Emits the program into {@code v}; returns the number of array elements its accesses cover. */
    static long write(EventVisitor v, int steps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        v.method(new MethodInfo(0, "com.acme.buf.Pool", "copy", "()V", "Pool.java"));
        for (int s = 0; s < 8; s++) {
            v.site(new SiteInfo(s, 0, 10 + s));
        }
        v.field(new FieldInfo(FIELD_LOCK, "com.acme.buf.Pool", "lock", "Ljava/lang/Object;", false, false));
        v.object(new ObjectInfo(LOCK, "java.lang.Object", 0, FIELD_LOCK));
        v.object(new ObjectInfo(POOL_ARRAY, "int[]", 0, -1));
        v.thread(new ThreadInfo(0, "main", -1, -1, false));
        for (int t = 1; t <= WORKERS; t++) {
            v.object(new ObjectInfo(SCRATCH_BASE + t, "int[]", 1, -1));
            v.thread(new ThreadInfo(t, "worker-" + t, 0, 0, false));
            v.threadStart(0, t, 0);
            v.threadBegin(t);
        }
        long elements = 0;
        for (int step = 0; step < steps; step++) {
            int t = 1 + step % WORKERS;
            long scratch = SCRATCH_BASE + t;
            v.arrayRangeWrite(t, scratch, 0, BLOCK, 1);                  // Arrays.fill
            for (int i = 0; i < 16; i++) {
                v.arrayWrite(t, scratch, r.nextInt(BLOCK), 2);
            }
            int offset = r.nextInt(POOL / BLOCK) * BLOCK;
            v.lockRequest(t, LOCK, 3, LockFlags.MONITOR);
            v.lockAcquire(t, LOCK, 3, LockFlags.MONITOR);
            v.arrayRangeRead(t, scratch, 0, BLOCK, 4);                   // arraycopy(scratch, 0, pool, offset, BLOCK)
            v.arrayRangeWrite(t, POOL_ARRAY, offset, BLOCK, 4);
            v.lockRelease(t, LOCK, 3, LockFlags.MONITOR);
            v.hbRelease(t, TOKEN_BASE + t, 5);
            int u = 1 + ((t + 1) % WORKERS); // not the next producer: its copy-in can race with this copy-out
            v.hbAcquire(u, TOKEN_BASE + t, 6);
            v.arrayRangeRead(u, POOL_ARRAY, offset, BLOCK, 7);           // copied out by the next worker
            v.arrayRangeWrite(u, SCRATCH_BASE + u, 0, BLOCK, 7);
            for (int i = 0; i < 16; i++) {
                v.arrayRead(u, POOL_ARRAY, offset + r.nextInt(BLOCK), 6);
            }
            elements += 5L * BLOCK + 48;
        }
        return elements;
    }
}
