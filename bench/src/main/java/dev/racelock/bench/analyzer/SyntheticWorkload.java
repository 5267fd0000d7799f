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
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.BinaryTraceExporter;

import java.nio.file.Path;

import java.util.SplittableRandom;

/**
 * A realistic event mix for the analyzer benchmark: 8 worker threads started by main, 16 locks
 * (monitors in fields), each guarding its own pool of objects. Each step of a worker is one
 * method call that takes a lock (sometimes a second one, always in a global order, so no
 * deadlock), reads and writes the guarded objects, touches its own thread-local objects and an
 * array, reads a volatile flag, sometimes hands work to another worker through a token, and
 * rarely bumps an unguarded statistics counter (the data race the analysis must find).
 *
 * <p>The stream is generated once as a block that leaves no lock held; the benchmark replays
 * the block as many times as it needs events, which keeps the live set fixed, as in a
 * long-running program.
 */
final class SyntheticWorkload {

    static final int WORKERS = 8;
    static final int LOCKS = 16;
    static final int OBJECTS_PER_LOCK = 64;
    static final int LOCAL_OBJECTS = 256;
    static final int FIELDS = 8;

    final EventStream block = new EventStream();
    private final long[] locks = new long[LOCKS];

    private static final int M_RUN = 0, M_WORK = 1, M_HELPER = 2;
    private static final int F_STATS = FIELDS, F_FLAG = FIELDS + 1;
    private static final long STATS_OBJECT = 1, FLAG_OBJECT = 2;
    private static final long LOCK_BASE = 1_000, GUARDED_BASE = 10_000, LOCAL_BASE = 100_000, ARRAY_BASE = 500_000,
            TOKEN_BASE = 900_000;

    SyntheticWorkload(int blockEvents, long seed) {
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = LOCK_BASE + i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        while (block.size() < blockEvents) {
            step(r, 1 + r.nextInt(WORKERS));
        }
    }

    /**
     * Writes at least {@code events} events (prologue, then whole blocks) as a binary trace through
     * the trace module's real writer, so the file benchmark reads what the agent would write.
     */
    void writeBinary(long events, Path file) {
        BinaryTraceExporter exporter = new BinaryTraceExporter(file);
        exporter.header(new TraceHeader(1, 1, System.currentTimeMillis(), "17", "bench", "", true, true));
        prologue(exporter);
        for (long written = 0; written < events; written += block.size()) {
            block.replay(exporter);
        }
        exporter.end(new TraceEnd(0, true, null));
    }

    /**
     * One pass of the stream benchmarks: the prologue, whole blocks until the session has seen at
     * least {@code events} events, then a complete end; returns the session's findings.
     */
    AnalysisResult analyze(AnalysisSession session, long events) {
        prologue(session);
        while (session.events() < events) {
            block.replay(session);
        }
        session.end(new TraceEnd(session.events(), true, null));
        return session.result();
    }

    /** Dictionaries and thread starts: what precedes the first replayed block. */
    void prologue(EventVisitor v) {
        v.thread(new ThreadInfo(0, "main", -1, -1, false));
        v.method(new MethodInfo(M_RUN, "com.acme.Worker", "run", "()V", "Worker.java"));
        v.method(new MethodInfo(M_WORK, "com.acme.Store", "update", "(I)V", "Store.java"));
        v.method(new MethodInfo(M_HELPER, "com.acme.Store", "helper", "()V", "Store.java"));
        v.method(new MethodInfo(3, "com.acme.Main", "main", "([Ljava/lang/String;)V", "Main.java"));
        for (int s = 0; s < 64; s++) {
            v.site(new SiteInfo(s, s < 8 ? 3 : s < 40 ? M_WORK : M_HELPER, 10 + s));
        }
        for (int f = 0; f < FIELDS; f++) {
            v.field(new FieldInfo(f, "com.acme.Item", "f" + f, f % 3 == 0 ? "J" : "I", false, false));
        }
        v.field(new FieldInfo(F_STATS, "com.acme.Stats", "hits", "I", false, true));
        v.field(new FieldInfo(F_FLAG, "com.acme.Store", "open", "Z", true, false));
        for (int i = 0; i < LOCKS; i++) {
            int field = FIELDS + 2 + i;
            v.field(new FieldInfo(field, "com.acme.Store", "lock" + i, "Ljava/lang/Object;", false, false));
            v.object(new ObjectInfo(locks[i], "java.lang.Object", 1, field));
        }
        for (int t = 1; t <= WORKERS; t++) {
            v.object(new ObjectInfo(ARRAY_BASE + t, "int[]", 2, -1));
            v.thread(new ThreadInfo(t, "worker-" + t, 0, 3, false));
            v.threadStart(0, t, 3);
            v.threadBegin(t);
        }
    }

    private void step(SplittableRandom r, int t) {
        EventStream b = block;
        b.add(EventStream.METHOD_ENTER, t, 0, M_WORK, 9);
        b.add(EventStream.VOLATILE_READ, t, FLAG_OBJECT, F_FLAG, 10);
        int first = r.nextInt(LOCKS);
        int second = r.nextInt(8) == 0 && first < LOCKS - 1 ? first + 1 + r.nextInt(LOCKS - 1 - first) : -1;
        lock(t, first, 11);
        guardedAccesses(r, t, first, 3 + r.nextInt(6));
        if (second >= 0) {
            b.add(EventStream.METHOD_ENTER, t, 0, M_HELPER, 12);
            lock(t, second, 41);
            guardedAccesses(r, t, second, 2 + r.nextInt(3));
            unlock(t, second, 41);
            b.add(EventStream.METHOD_EXIT, t, 0, 0, 0);
        }
        unlock(t, first, 11);
        for (int i = 0, n = 4 + r.nextInt(8); i < n; i++) {
            long o = LOCAL_BASE + t * LOCAL_OBJECTS + r.nextInt(LOCAL_OBJECTS);
            b.add(r.nextInt(3) == 0 ? EventStream.WRITE : EventStream.READ, t, o, r.nextInt(FIELDS), 20 + r.nextInt(10));
        }
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            b.add(r.nextBoolean() ? EventStream.ARRAY_WRITE : EventStream.ARRAY_READ, t, ARRAY_BASE + t, r.nextInt(64), 30);
        }
        if (r.nextInt(50) == 0) {
            b.add(EventStream.READ, t, 0, F_STATS, 35);
            b.add(EventStream.WRITE, t, 0, F_STATS, 35);
        }
        if (r.nextInt(20) == 0) {
            int other = 1 + r.nextInt(WORKERS);
            b.add(EventStream.HB_RELEASE, t, TOKEN_BASE + other, 0, 36);
            b.add(EventStream.HB_ACQUIRE, other, TOKEN_BASE + other, 0, 37);
        }
        if (r.nextInt(100) == 0) {
            b.add(EventStream.VOLATILE_WRITE, t, FLAG_OBJECT, F_FLAG, 38);
        }
        b.add(EventStream.METHOD_EXIT, t, 0, 0, 0);
    }

    private void guardedAccesses(SplittableRandom r, int t, int lock, int n) {
        for (int i = 0; i < n; i++) {
            long o = GUARDED_BASE + lock * OBJECTS_PER_LOCK + r.nextInt(OBJECTS_PER_LOCK);
            int f = r.nextInt(FIELDS);
            block.add(EventStream.READ, t, o, f, 13 + i % 8);
            if (r.nextBoolean()) {
                block.add(EventStream.WRITE, t, o, f, 13 + i % 8);
            }
        }
    }

    private void lock(int t, int i, int site) {
        block.add(EventStream.LOCK_REQUEST, t, locks[i], LockFlags.MONITOR, site);
        block.add(EventStream.LOCK_ACQUIRE, t, locks[i], LockFlags.MONITOR, site);
    }

    private void unlock(int t, int i, int site) {
        block.add(EventStream.LOCK_RELEASE, t, locks[i], LockFlags.MONITOR, site);
    }
}
