package dev.racelock.bench.trace;

import dev.racelock.trace.LockFlags;
import dev.racelock.trace.format.ThreadEventBuffer;

/**
 * The event mix the trace benchmarks record: what an instrumented tight loop produces. One
 * round is {@value #EVENTS_PER_ROUND} events: a method call whose body runs 8 iterations of 5
 * thread-local accesses (two fields of one object, an array element walked by index, small site
 * steps), then one shared write under a monitor, one volatile read of a shared flag.
 * That is 89% plain accesses (2% of them to a shared object), 9% synchronization, 4% calls.
 */
public final class RealisticMix {

    public static final int EVENTS_PER_ROUND = 46;
    /**
     * Of those, the events a reader delivers: since trace format 2 a method's enter and exit
     * change the thread's stack instead of being events (docs/trace-format.md, "Calling contexts").
     */
    public static final int READ_EVENTS_PER_ROUND = EVENTS_PER_ROUND - 2;

    private final long local;
    private final long array;
    private final long shared = 1L << 20;
    private final long lock = (1L << 20) + 1;
    private final long flag = (1L << 20) + 2;
    private final int siteBase;
    private int index;

    /** @param thread makes each thread's objects and sites its own */
    public RealisticMix(int thread) {
        this.local = 1000L + thread * 4096L;
        this.array = local + 1;
        this.siteBase = 100 + thread * 64;
    }

    public void round(ThreadEventBuffer b) {
        int s = siteBase;
        b.methodEnter(7, s);
        for (int i = 0; i < 8; i++) {
            b.read(local, 1, s + 1);
            b.write(local, 1, s + 2);
            b.arrayRead(array, index, s + 3);
            b.arrayWrite(array, index, s + 4);
            b.read(local, 2, s + 5);
            index++;
        }
        b.lockAcquire(lock, s + 10, LockFlags.MONITOR);
        b.write(shared, 3, s + 11);
        b.lockRelease(lock, s + 12, LockFlags.MONITOR);
        b.volatileRead(flag, 4, s + 13);
        b.methodExit();
    }
}
