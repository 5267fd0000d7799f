package dev.racelock.trace;

import java.util.Arrays;

/**
 * The one growth rule of the growable arrays every module keeps (parallel columns of a table,
 * stacks, id lists): an array too short for an index is copied into one of twice its length, or
 * just long enough for the index if that is more, so appending n elements copies O(n) in all.
 * Each method returns its argument itself when the index already fits; a caller writes
 * {@code column = ArrayGrowth.toFit(column, size)} once per column before storing at {@code size}.
 *
 * <p>Static, allocation-free unless the array grows, no lock: safe on the agent's hot path (the
 * JIT inlines the length check).
 */
public final class ArrayGrowth {

    /** The longest array the JVM allocates reliably ({@code jdk.internal.util.ArraysSupport.SOFT_MAX_ARRAY_LENGTH}). */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private ArrayGrowth() {
    }

    /** The length an array of {@code length} grows to so that {@code index} fits: doubled, or {@code index + 1} if more. */
    public static int lengthFor(int index, int length) {
        int doubled = length > MAX_LENGTH / 2 ? MAX_LENGTH : length * 2;
        return Math.max(index + 1, doubled);
    }

    public static int[] toFit(int[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, lengthFor(index, array.length));
    }

    public static long[] toFit(long[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, lengthFor(index, array.length));
    }

    public static byte[] toFit(byte[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, lengthFor(index, array.length));
    }

    public static boolean[] toFit(boolean[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, lengthFor(index, array.length));
    }

    public static <T> T[] toFit(T[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, lengthFor(index, array.length));
    }
}
