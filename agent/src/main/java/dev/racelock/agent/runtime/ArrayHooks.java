package dev.racelock.agent.runtime;

import java.lang.reflect.Array;

/** Range accesses of System.arraycopy and Arrays.fill, recorded after the call returned (ArrayRangeProbe). */
public final class ArrayHooks {
    private ArrayHooks() {}

    public static void copied(Object src, int srcPos, Object dst, int dstPos, int length, int site, ThreadContext c) {
        if (length > 0) {
            c.accesses.arrayRangeRead(ObjectIds.of(src, site, c), srcPos, length, site);
            c.accesses.arrayRangeWrite(ObjectIds.of(dst, site, c), dstPos, length, site);
        }
    }

    public static void filled(Object array, int from, int to, int site, ThreadContext c) {
        if (to > from) {
            c.accesses.arrayRangeWrite(ObjectIds.of(array, site, c), from, to - from, site);
        }
    }

    public static void filledAll(Object array, int site, ThreadContext c) {
        int length = Array.getLength(array);
        if (length > 0) {
            c.accesses.arrayRangeWrite(ObjectIds.of(array, site, c), 0, length, site);
        }
    }
}
