package dev.racelock.bench.agent;

import dev.racelock.agent.runtime.library.JdkMonitorHooks;
import dev.racelock.agent.runtime.library.JdkMonitors;
import dev.racelock.agent.runtime.library.LibraryHooks;
import dev.racelock.trace.LockFlags;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.HashMap;
import java.util.Map;
import java.util.Vector;

/**
 * The cost the library model adds to a call of a JDK method, as instrumented code makes it
 * (docs/library-model.md): a {@code HashMap.get} with the state hook before it (a
 * {@code ClassValue} test, then a read of the map's state), and a {@code Vector.get} with the
 * monitor hook after it (an order-only acquire and release of the vector's monitor), each beside
 * the plain call. Repeat filter off, so every call records.
 */
public class LibraryModelBenchmark extends RecordingBenchmark {
    private static final int SITE = 7;
    private static final int FIELD = 3;
    private static final int STATE_FIELD = 11;
    private static final String VECTOR_GET = "get(I)Ljava/lang/Object;";
    private static final int VECTOR = JdkMonitors.CLASSES.indexOf(Vector.class);
    private static final long APP_LOCK = 1;

    private final Map<String, Integer> map = new HashMap<>();
    private final String[] keys = new String[16];
    private final Vector<Integer> vector = new Vector<>();
    private int index;

    @Setup(Level.Trial)
    public void fill() {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "key" + i;
            map.put(keys[i], i);
            vector.add(i);
        }
        LibraryHooks.install(STATE_FIELD);
    }

    @Override
    protected void opened(BenchmarkParams params) {
        if (params.getBenchmark().endsWith("UnderLock")) {
            // the thread holds an application lock for the whole trial, as Xalan's workers hold
            // TransformerImpl's m_reentryGuard: the monitor hook gets past its first check
            context.lockAcquire(APP_LOCK, SITE, LockFlags.MONITOR);
        }
    }

    @Benchmark
    public Integer plainHashMapGet() {
        return map.get(keys[index++ & 15]);
    }

    /** What ModelledCallObserver emits around {@code map.get(k)}: the state read, then the call. */
    @Benchmark
    public Integer recordedHashMapGet() {
        String key = keys[index++ & 15];
        LibraryHooks.read(map, SITE, FIELD, context);
        return map.get(key);
    }

    @Benchmark
    public Integer plainVectorGet() {
        return vector.get(index++ & 15);
    }

    /** What JdkMonitorObserver emits around {@code vector.get(i)}: the call, then the hold of its monitor. */
    @Benchmark
    public Integer recordedVectorGet() {
        Integer value = vector.get(index++ & 15);
        JdkMonitorHooks.calledOnTableClass(vector, VECTOR, VECTOR_GET, SITE, FIELD, context);
        return value;
    }

    /**
     * {@link #recordedVectorGet} while the thread holds a lock: the hook takes the vector's class
     * from the call (the instruction names {@code Vector}), and the hold, the same each time, is
     * written once (RecordedHolds); the cost per call is the checks that find it written.
     */
    @Benchmark
    public Integer recordedVectorGetUnderLock() {
        Integer value = vector.get(index++ & 15);
        JdkMonitorHooks.calledOnTableClass(vector, VECTOR, VECTOR_GET, SITE, FIELD, context);
        return value;
    }

    /**
     * The same through the hook of a call naming a supertype or a subclass ({@code List.get}):
     * the receiver's class looked up ({@code ClassValue}, then a set of methods).
     */
    @Benchmark
    public Integer lookedUpVectorGetUnderLock() {
        Integer value = vector.get(index++ & 15);
        JdkMonitorHooks.called(vector, VECTOR_GET, SITE, FIELD, context);
        return value;
    }
}
