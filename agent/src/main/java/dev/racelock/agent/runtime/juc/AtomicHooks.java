package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.ThreadContext;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Probes around calls on java.util.concurrent.atomic objects (see {@code AtomicCallProbe}):
 * {@code write} before a releasing operation, {@code read} after an acquiring one; around one
 * that may fail, {@code reserve} before and {@code compareAndSet} after, which records the
 * release only if the call succeeded. A scalar
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

    // ---- read-modify-writes that may fail: compareAndSet, compareAndExchange, attempt* ----------

    /**
     * Before a call that may fail: the number of its release half. A failed compareAndSet
     * writes nothing, so it must release nothing (else a later reader of the location would
     * acquire the failing thread's earlier accesses, hiding races: a spin lock's waiters); a
     * successful one must still be numbered before any acquire that observes its value
     * (ThreadEventBuffer.reserveSequence). The call's outcome decides after it.
     */
    public static long reserve(ThreadContext c) {
        return c.recorder.reserveSequence();
    }

    /**
     * After the call: the release half with the reserved number if it succeeded, then the
     * acquire half unless the mode has none ({@code Release} suffix): a failed compareAndSet
     * is still a volatile read of the location.
     */
    public static void compareAndSet(boolean succeeded, Object atomic, long reserved, boolean acquire, int site,
                                     ThreadContext c) {
        outcome(succeeded, ObjectIds.of(atomic, site, c), 0, reserved, acquire, site, c);
    }

    /** As {@link #compareAndSet} for an element of an atomic array (the call returned: the index is valid). */
    public static void elementCompareAndSet(boolean succeeded, Object array, int index, long reserved,
                                            boolean acquire, int site, ThreadContext c) {
        outcome(succeeded, ObjectIds.of(array, site, c), index, reserved, acquire, site, c);
    }

    /** As {@link #compareAndSet} for a field updater's location (the call returned: the target is not null). */
    public static void updaterCompareAndSet(boolean succeeded, Object updater, Object target, long reserved,
                                            boolean acquire, int site, ThreadContext c) {
        outcome(succeeded, ObjectIds.of(target, site, c), VarHandleHooks.slotOf(updater, c), reserved, acquire,
                site, c);
    }

    private static void outcome(boolean succeeded, long object, int slot, long reserved, boolean acquire, int site,
                                ThreadContext c) {
        if (succeeded) {
            c.recorder.volatileWriteReserved(reserved, object, slot, site);
        }
        if (acquire) {
            c.recorder.volatileRead(object, slot, site);
        }
    }

    // ---- whether a compareAndExchange succeeded: its witness is the expected value ---------------

    public static boolean same(int witness, int expected) {
        return witness == expected;
    }

    public static boolean same(long witness, long expected) {
        return witness == expected;
    }

    /** VarHandle compares floats by their raw bits; {@code ==} too, so a doubt counts as success. */
    public static boolean same(float witness, float expected) {
        return Float.floatToRawIntBits(witness) == Float.floatToRawIntBits(expected) || witness == expected;
    }

    public static boolean same(double witness, double expected) {
        return Double.doubleToRawLongBits(witness) == Double.doubleToRawLongBits(expected) || witness == expected;
    }

    /**
     * References compare by identity. A box equal by value counts as success too: a call site
     * typed {@code Object} on a handle of a primitive variable boxes the witness anew. Counting
     * a failure as success only records a release too many (the old rule), never invents a race.
     */
    public static boolean same(Object witness, Object expected) {
        return witness == expected || (witness instanceof Number || witness instanceof Boolean
                || witness instanceof Character) && witness.equals(expected);
    }
}
