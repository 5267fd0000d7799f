package dev.racelock.agent.runtime;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Probes around calls on java.util.concurrent.atomic objects (see {@code AtomicCallProbe}):
 * {@code write} before a releasing operation, {@code read} after an acquiring one. A scalar
 * atomic or adder is the location (atomic, 0); an element of an atomic array is (array, index);
 * a field updater's location is (target, the field's id), the same location as direct
 * accesses to that volatile field.
 */
public final class AtomicHooks {
    private AtomicHooks() {}

    public static void write(Object atomic, int site, ThreadContext c) {
        c.recorder.volatileWrite(ObjectIds.of(atomic, site, c), 0, site);
    }

    public static void read(Object atomic, int site, ThreadContext c) {
        c.recorder.volatileRead(ObjectIds.of(atomic, site, c), 0, site);
    }

    /** Before the operation: an index out of bounds throws and writes nothing, so it records nothing. */
    public static void elementWrite(Object array, int index, int site, ThreadContext c) {
        if (index >= 0 && index < length(array)) {
            c.recorder.volatileWrite(ObjectIds.of(array, site, c), index, site);
        }
    }

    public static void elementRead(Object array, int index, int site, ThreadContext c) {
        c.recorder.volatileRead(ObjectIds.of(array, site, c), index, site);
    }

    private static int length(Object array) {
        if (array instanceof AtomicIntegerArray a) {
            return a.length();
        }
        if (array instanceof AtomicLongArray a) {
            return a.length();
        }
        return array instanceof AtomicReferenceArray<?> a ? a.length() : 0;
    }

    public static void updaterWrite(Object updater, Object target, int site, ThreadContext c) {
        if (target != null) {
            c.recorder.volatileWrite(ObjectIds.of(target, site, c), VarHandleHooks.slotOf(updater, c), site);
        }
    }

    public static void updaterRead(Object updater, Object target, int site, ThreadContext c) {
        c.recorder.volatileRead(ObjectIds.of(target, site, c), VarHandleHooks.slotOf(updater, c), site);
    }
}
