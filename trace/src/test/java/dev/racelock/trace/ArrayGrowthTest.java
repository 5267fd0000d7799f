package dev.racelock.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ArrayGrowthTest {

    @Test
    void anIndexThatFitsKeepsTheArray() {
        int[] ints = {1, 2, 3};
        long[] longs = new long[2];
        byte[] bytes = new byte[1];
        boolean[] flags = new boolean[4];
        String[] names = new String[5];
        assertSame(ints, ArrayGrowth.toFit(ints, 2));
        assertSame(longs, ArrayGrowth.toFit(longs, 1));
        assertSame(bytes, ArrayGrowth.toFit(bytes, 0));
        assertSame(flags, ArrayGrowth.toFit(flags, 3));
        assertSame(names, ArrayGrowth.toFit(names, 4));
    }

    @Test
    void theFirstIndexPastTheEndDoublesTheLengthAndKeepsTheElements() {
        assertArrayEquals(new int[] {1, 2, 3, 0, 0, 0}, ArrayGrowth.toFit(new int[] {1, 2, 3}, 3));
        assertArrayEquals(new long[] {7, 0}, ArrayGrowth.toFit(new long[] {7}, 1));
        assertArrayEquals(new byte[] {5, 6, 0, 0}, ArrayGrowth.toFit(new byte[] {5, 6}, 2));
        assertArrayEquals(new boolean[] {true, false}, ArrayGrowth.toFit(new boolean[] {true}, 1));
        assertArrayEquals(new String[] {"a", "b", null, null}, ArrayGrowth.toFit(new String[] {"a", "b"}, 2));
    }

    @Test
    void anIndexFarPastTheEndGetsJustEnoughRoom() {
        assertEquals(101, ArrayGrowth.toFit(new int[4], 100).length);
        assertEquals(1, ArrayGrowth.toFit(new long[0], 0).length);
        assertEquals(10, ArrayGrowth.lengthFor(9, 0));
    }

    @Test
    void doublingStopsAtTheLargestLengthTheJvmAllocates() {
        assertEquals(ArrayGrowth.MAX_LENGTH, ArrayGrowth.lengthFor(ArrayGrowth.MAX_LENGTH / 2 + 1, ArrayGrowth.MAX_LENGTH / 2 + 1));
        assertEquals(ArrayGrowth.MAX_LENGTH / 2 * 2, ArrayGrowth.lengthFor(ArrayGrowth.MAX_LENGTH / 2, ArrayGrowth.MAX_LENGTH / 2));
    }
}
