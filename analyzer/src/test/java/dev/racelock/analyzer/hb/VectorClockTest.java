package dev.racelock.analyzer.hb;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Clocks that share their entries until written (VectorClock, "Entries shared until written")
 * behave as clocks with arrays of their own: random operations on a few clocks are mirrored on
 * plain arrays, and every entry must agree after every operation.
 */
class VectorClockTest {

    private static final int WIDTH = 12;

    @Test
    void sharedClocksBehaveAsPrivateOnes() {
        SplittableRandom random = new SplittableRandom(17);
        for (int run = 0; run < 300; run++) {
            List<VectorClock> clocks = new ArrayList<>();
            List<int[]> model = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clocks.add(new VectorClock());
                model.add(new int[WIDTH]);
            }
            for (int step = 0; step < 200; step++) {
                int a = random.nextInt(clocks.size());
                int b = random.nextInt(clocks.size());
                int entry = random.nextInt(WIDTH);
                String op;
                switch (random.nextInt(7)) {
                    case 0 -> {
                        op = "set";
                        int value = random.nextInt(50);
                        clocks.get(a).set(entry, value);
                        model.get(a)[entry] = value;
                    }
                    case 1, 2 -> {
                        op = "increment";
                        clocks.get(a).increment(entry);
                        model.get(a)[entry]++;
                    }
                    case 3 -> {
                        op = "join";
                        clocks.get(a).join(clocks.get(b));
                        for (int i = 0; i < WIDTH; i++) {
                            model.get(a)[i] = Math.max(model.get(a)[i], model.get(b)[i]);
                        }
                    }
                    case 4 -> {
                        op = "copyFrom";
                        clocks.get(a).copyFrom(clocks.get(b));
                        model.set(a, model.get(b).clone());
                    }
                    case 5 -> {
                        op = "copy";
                        clocks.set(a, new VectorClock(clocks.get(b)));
                        model.set(a, model.get(b).clone());
                    }
                    default -> {
                        op = "clear";
                        clocks.get(a).clear();
                        model.set(a, new int[WIDTH]);
                    }
                }
                for (int k = 0; k < clocks.size(); k++) {
                    for (int i = 0; i < WIDTH; i++) {
                        assertEquals(model.get(k)[i], clocks.get(k).get(i),
                                "run " + run + " step " + step + " after " + op + ": clock " + k + " entry " + i
                                        + " is " + clocks.get(k) + ", expected " + Arrays.toString(model.get(k)));
                    }
                }
            }
        }
    }

    /** A join, a copy and a tick each change the version: acquiring again from an unchanged clock is skipped by it. */
    @Test
    void everyChangeMovesTheVersion() {
        VectorClock thread = new VectorClock();
        thread.set(0, 1);
        VectorClock lock = new VectorClock();
        long v = lock.version();
        lock.copyFrom(thread);
        assertNotEquals(v, lock.version());
        long t = thread.version();
        thread.increment(0);
        assertNotEquals(t, thread.version());
        assertEquals(1, lock.get(0), "the lock keeps the epoch it was released at");
        assertEquals(2, thread.get(0));
    }
}
