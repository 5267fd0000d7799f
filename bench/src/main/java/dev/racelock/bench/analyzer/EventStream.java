package dev.racelock.bench.analyzer;

import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.EventVisitor;

/**
 * A recorded event sequence in flat arrays, replayed into a visitor with no allocation, so a
 * benchmark measures the visitor and not the source. Dictionary entries are not part of it.
 */
final class EventStream {

    static final byte READ = 0, WRITE = 1, ARRAY_READ = 2, ARRAY_WRITE = 3, VOLATILE_READ = 4, VOLATILE_WRITE = 5,
            LOCK_REQUEST = 6, LOCK_ACQUIRE = 7, LOCK_RELEASE = 8, METHOD_ENTER = 9, METHOD_EXIT = 10,
            HB_RELEASE = 11, HB_ACQUIRE = 12;

    private byte[] op = new byte[1 << 16];
    private int[] thread = new int[1 << 16];
    private long[] object = new long[1 << 16];
    private int[] arg = new int[1 << 16];
    private int[] site = new int[1 << 16];
    private int size;

    void add(byte kind, int t, long o, int a, int s) {
        op = ArrayGrowth.toFit(op, size);
        thread = ArrayGrowth.toFit(thread, size);
        object = ArrayGrowth.toFit(object, size);
        arg = ArrayGrowth.toFit(arg, size);
        site = ArrayGrowth.toFit(site, size);
        op[size] = kind;
        thread[size] = t;
        object[size] = o;
        arg[size] = a;
        site[size] = s;
        size++;
    }

    int size() {
        return size;
    }

    /** Counts of each kind of event, for the benchmark's description of its mix. */
    int[] histogram() {
        int[] h = new int[13];
        for (int i = 0; i < size; i++) {
            h[op[i]]++;
        }
        return h;
    }

    void replay(EventVisitor v) {
        byte[] op = this.op;
        int[] thread = this.thread;
        long[] object = this.object;
        int[] arg = this.arg;
        int[] site = this.site;
        for (int i = 0, n = size; i < n; i++) {
            int t = thread[i];
            switch (op[i]) {
                case READ -> v.read(t, object[i], arg[i], site[i]);
                case WRITE -> v.write(t, object[i], arg[i], site[i]);
                case ARRAY_READ -> v.arrayRead(t, object[i], arg[i], site[i]);
                case ARRAY_WRITE -> v.arrayWrite(t, object[i], arg[i], site[i]);
                case VOLATILE_READ -> v.volatileRead(t, object[i], arg[i], site[i]);
                case VOLATILE_WRITE -> v.volatileWrite(t, object[i], arg[i], site[i]);
                case LOCK_REQUEST -> v.lockRequest(t, object[i], site[i], arg[i]);
                case LOCK_ACQUIRE -> v.lockAcquire(t, object[i], site[i], arg[i]);
                case LOCK_RELEASE -> v.lockRelease(t, object[i], site[i], arg[i]);
                case METHOD_ENTER -> v.methodEnter(t, arg[i], site[i]);
                case METHOD_EXIT -> v.methodExit(t);
                case HB_RELEASE -> v.hbRelease(t, object[i], site[i]);
                case HB_ACQUIRE -> v.hbAcquire(t, object[i], site[i]);
                default -> throw new IllegalStateException("event kind " + op[i]);
            }
        }
    }
}
