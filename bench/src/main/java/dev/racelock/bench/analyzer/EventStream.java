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

    /** Ints an event takes in {@link #ints}: its kind, thread, argument and site, side by side. */
    private static final int INTS = 4;

    private int[] ints = new int[INTS << 16];
    /** Each event's object (field owner, array or lock), one per event. */
    private long[] objects = new long[1 << 16];
    private int size;

    void add(byte kind, int t, long o, int a, int s) {
        int at = size * INTS;
        ints = ArrayGrowth.toFit(ints, at + INTS - 1);
        objects = ArrayGrowth.toFit(objects, size);
        ints[at] = kind;
        ints[at + 1] = t;
        ints[at + 2] = a;
        ints[at + 3] = s;
        objects[size] = o;
        size++;
    }

    int size() {
        return size;
    }

    /** Counts of each kind of event, for the benchmark's description of its mix. */
    int[] histogram() {
        int[] h = new int[13];
        for (int i = 0; i < size; i++) {
            h[ints[i * INTS]]++;
        }
        return h;
    }

    void replay(EventVisitor v) {
        int[] ints = this.ints;
        long[] objects = this.objects;
        for (int i = 0, at = 0, n = size; i < n; i++, at += INTS) {
            int t = ints[at + 1];
            long o = objects[i];
            int a = ints[at + 2];
            int s = ints[at + 3];
            switch (ints[at]) {
                case READ -> v.read(t, o, a, s);
                case WRITE -> v.write(t, o, a, s);
                case ARRAY_READ -> v.arrayRead(t, o, a, s);
                case ARRAY_WRITE -> v.arrayWrite(t, o, a, s);
                case VOLATILE_READ -> v.volatileRead(t, o, a, s);
                case VOLATILE_WRITE -> v.volatileWrite(t, o, a, s);
                case LOCK_REQUEST -> v.lockRequest(t, o, s, a);
                case LOCK_ACQUIRE -> v.lockAcquire(t, o, s, a);
                case LOCK_RELEASE -> v.lockRelease(t, o, s, a);
                case METHOD_ENTER -> v.methodEnter(t, a, s);
                case METHOD_EXIT -> v.methodExit(t);
                case HB_RELEASE -> v.hbRelease(t, o, s);
                case HB_ACQUIRE -> v.hbAcquire(t, o, s);
                default -> throw new IllegalStateException("event kind " + ints[at]);
            }
        }
    }
}
