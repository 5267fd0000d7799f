package dev.racelock.bench.agent;

import dev.racelock.agent.runtime.Identified;
import dev.racelock.agent.runtime.Rt;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.juc.AtomicHooks;
import dev.racelock.agent.runtime.juc.ExecutorHooks;
import dev.racelock.agent.runtime.juc.IterationHooks;
import org.openjdk.jmh.annotations.Benchmark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cost of one recording call as instrumented code makes it: the hook, the object id
 * lookup and the per-thread buffer write. {@code sink=none} isolates the agent's share
 * (recorder that drops events); {@code sink=trace} writes a real trace to a temp file.
 */
public class RecordingCallBenchmark extends RecordingBenchmark {

    /** Stands for an object of an instrumented class, which carries its id in a field. */
    static final class Instrumented implements Identified {
        final long id = 42;
        int value;

        @Override
        public long $racelock$id() {
            return id;
        }
    }

    private final Instrumented object = new Instrumented();
    private final int[] array = new int[16];
    private final int[][] arrays = {new int[16], new int[16]};
    private int index;
    private final AtomicInteger atomic = new AtomicInteger();
    private final List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
    private final Runnable task = () -> index++;

    /** The field read itself, for scale. */
    @Benchmark
    public int plainFieldRead() {
        return object.value;
    }

    /** A field read of an instrumented object: hook + id from the object's field + event. */
    @Benchmark
    public int recordedFieldRead() {
        Rt.read(object, 3, 7, context);
        return object.value;
    }

    /** An array store in a loop over one array: the per-thread one-entry id cache hits. */
    @Benchmark
    public void recordedArrayWrite() {
        int i = index++ & 15;
        Rt.arrayWrite(array, i, 7, context);
        array[i] = i;
    }

    /** Alternating arrays defeat the one-entry cache: the lock-free identity map lookup. */
    @Benchmark
    public void recordedArrayWriteIdentityMap() {
        int i = index++;
        int[] a = arrays[i & 1];
        Rt.arrayWrite(a, i & 15, 7, context);
        a[i & 15] = i;
    }

    /** A monitor enter/exit pair as a synchronized block records it (request, acquire, release). */
    @Benchmark
    public void recordedMonitorBlock() {
        Rt.monitorRequest(object, 7, -1, context);
        synchronized (object) {
            Rt.monitorAcquire(object, 7, context);
            object.value++;
            Rt.monitorRelease(object, 7, context);
        }
    }

    /** Method entry and exit with stacks on (ThreadLocal lookup, call-site read, two events). */
    @Benchmark
    public void recordedMethodEnterExit() {
        ThreadContext c = Rt.enter(5);
        Rt.exit(c, 5);
    }

    /** A compareAndSet alone, for scale. */
    @Benchmark
    public boolean plainCompareAndSet() {
        int v = atomic.get();
        return atomic.compareAndSet(v, v + 1);
    }

    /**
     * A compareAndSet that succeeds, with the hooks AtomicCallProbe emits around it: its release
     * numbered before the call and recorded after it, then its acquire.
     */
    @Benchmark
    public boolean recordedCompareAndSetSucceeds() {
        int v = atomic.get();
        long reserved = AtomicHooks.reserve(context);
        boolean ok = atomic.compareAndSet(v, v + 1);
        AtomicHooks.compareAndSet(ok, atomic, reserved, true, 7, context);
        return ok;
    }

    /** A compareAndSet that fails (the value is never -1): only its acquire is recorded. */
    @Benchmark
    public boolean recordedCompareAndSetFails() {
        long reserved = AtomicHooks.reserve(context);
        boolean ok = atomic.compareAndSet(-1, 0);
        AtomicHooks.compareAndSet(ok, atomic, reserved, true, 7, context);
        return ok;
    }

    /** A loop over a 16-element ArrayList, for scale. */
    @Benchmark
    public int plainIteration() {
        int sum = 0;
        for (Iterator<Integer> it = list.iterator(); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    /**
     * The same loop as recorded code makes it: iterator() and each next() go through the
     * iteration hooks, which find an ArrayList is not a concurrent collection.
     */
    @Benchmark
    @SuppressWarnings("unchecked")
    public int recordedIteration() {
        int sum = 0;
        for (Iterator<Integer> it = (Iterator<Integer>) IterationHooks.iterator(list, 7, context); it.hasNext(); ) {
            sum += (Integer) IterationHooks.next(it, 7, context);
        }
        return sum;
    }

    @Benchmark
    public void plainRunnableRun() {
        task.run();
    }

    /** Runnable.run() in recorded code, of a task no executor was given (a lookup that misses). */
    @Benchmark
    public void recordedRunnableRun() {
        ExecutorHooks.run(task, 7, context);
    }
}
