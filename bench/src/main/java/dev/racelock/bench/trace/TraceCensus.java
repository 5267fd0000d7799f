package dev.racelock.bench.trace;

import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.trace.AccessTarget;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.format.TraceReader;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a trace holds, counted: events by kind, lock events by the lock's class and flags,
 * objects defined by class. The question each recording-cost change starts from (which events a
 * workload's trace is made of, which monitors its lock events are of), answered without
 * throwaway code:
 * {@code java -cp bench/target/benchmarks.jar dev.racelock.bench.trace.TraceCensus TRACE [TOP]}.
 */
public final class TraceCensus implements EventVisitor {

    /** Event counts by kind, in the order kinds were first seen. */
    final Map<String, Long> events = new LinkedHashMap<>();
    /** Lock events (request, acquire, release) by "class flags". */
    final Map<String, Long> lockEvents = new HashMap<>();
    /** Objects defined, by class. */
    final Map<String, Long> objects = new HashMap<>();
    long contextNodes;
    /** The class of each object defined and not freed yet (lock events name their lock's). */
    private final LongObjectMap<String> classOf = new LongObjectMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: TraceCensus TRACE [TOP]   (TOP: rows per table, default 12)");
            System.exit(2);
        }
        Path trace = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        TraceCensus census = new TraceCensus();
        TraceReader.read(trace, census);
        System.out.printf("%s: %,d bytes%n", trace, Files.size(trace));
        census.print(System.out, top);
    }

    void print(PrintStream out, int top) {
        long total = events.values().stream().mapToLong(Long::longValue).sum();
        out.printf("events: %,d%n", total);
        events.forEach((kind, n) -> out.printf("  %-22s %,15d%n", kind, n));
        out.printf("calling-context nodes defined: %,d%n", contextNodes);
        table(out, "lock events by lock class and flags", lockEvents, top);
        table(out, "objects defined by class", objects, top);
    }

    private static void table(PrintStream out, String title, Map<String, Long> counts, int top) {
        out.printf("%s (%,d kinds; top %d):%n", title, counts.size(), top);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> out.printf("  %,15d  %s%n", e.getValue(), e.getKey()));
    }

    private void count(String kind) {
        events.merge(kind, 1L, Long::sum);
    }

    private void lock(String kind, long lock, int flags) {
        count(kind);
        String type = classOf.get(lock);
        lockEvents.merge((type != null ? type : "?") + " " + flags(flags), 1L, Long::sum);
    }

    static String flags(int flags) {
        StringBuilder s = new StringBuilder();
        String[] names = {"MONITOR", "SHARED", "TRY", "WAIT", "TIMED", "ORDER_ONLY"};
        int[] bits = {LockFlags.MONITOR, LockFlags.SHARED, LockFlags.TRY, LockFlags.WAIT, LockFlags.TIMED,
                LockFlags.ORDER_ONLY};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                s.append(s.isEmpty() ? "" : "|").append(names[i]);
            }
        }
        return s.isEmpty() ? "plain" : s.toString();
    }

    @Override
    public void object(ObjectInfo o) {
        classOf.put(o.id(), o.className());
        objects.merge(o.className(), 1L, Long::sum);
    }

    @Override
    public void contextNode(ContextInfo node) {
        contextNodes++;
    }

    @Override
    public void access(int thread, int target, boolean write, long object, int slot, int length, int site) {
        String what = switch (target) {
            case AccessTarget.FIELD -> "field";
            case AccessTarget.ELEMENT -> "element";
            default -> "range";
        };
        count(what + (write ? " write" : " read"));
    }

    @Override
    public void ownedRead(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                          int context) {
        count("owned read");
    }

    @Override
    public void ownedWrite(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                           int context, int readSite) {
        count("owned write");
    }

    @Override
    public void orderMark(int thread) {
        count("order mark");
    }

    @Override
    public void volatileAccess(int thread, boolean write, long object, int slot, int site) {
        count(write ? "volatile write" : "volatile read");
    }

    @Override
    public void lockRequest(int thread, long lock, int site, int flags) {
        lock("lock request", lock, flags);
    }

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        lock("lock acquire", lock, flags);
    }

    @Override
    public void lockRelease(int thread, long lock, int site, int flags) {
        lock("lock release", lock, flags);
    }

    @Override
    public void forkJoin(int thread, boolean join, int child, int site) {
        count(join ? "thread join" : "thread start");
    }

    @Override
    public void threadBegin(int thread) {
        count("thread begin");
    }

    @Override
    public void threadEnd(int thread) {
        count("thread end");
    }

    @Override
    public void handOff(int thread, boolean release, long token, int site) {
        count(release ? "hand-off release" : "hand-off acquire");
    }

    @Override
    public void methodEnter(int thread, int method, int callSite) {
        count("method enter");
    }

    @Override
    public void methodExit(int thread) {
        count("method exit");
    }

    @Override
    public void context(int thread, int node) {
        count("context");
    }

    @Override
    public void testStart(int thread, int test) {
        count("test start");
    }

    @Override
    public void testEnd(int thread, int test) {
        count("test end");
    }

    @Override
    public void objectFreed(long object) {
        count("object freed");
        classOf.remove(object);
    }
}
