package dev.racelock.analyzer.collect;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ElementRuns against a plain array of states: splits, merges, in-place updates, and how few runs it keeps. */
class ElementRunsTest {

    /** A state of one int; 0 is "never accessed". */
    private static final class Value implements ElementRuns.State<Value> {
        int v;

        @Override
        public void copyFrom(Value o) {
            v = o.v;
        }

        @Override
        public boolean sameAs(Value o) {
            return v == o.v;
        }

        @Override
        public void clear() {
            v = 0;
        }
    }

    /** One access as an analysis makes it: through the state open() hands out, reporting whether it changed. */
    private static void set(ElementRuns<Value> runs, Value scratch, int index, int value) {
        Value s = runs.open(index, scratch);
        boolean changed = s.v != value;
        s.v = value;
        runs.updated(s, changed);
    }

    private static int get(ElementRuns<Value> runs, int index) {
        ElementRuns.Run<Value> r = runs.find(index);
        return r == null ? 0 : r.state.v;
    }

    @Test
    void agreesWithAStatePerElementAndKeepsNoTwoEqualNeighbours() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 50; round++) {
            int size = 1 + random.nextInt(200);
            int[] expected = new int[size];
            ElementRuns<Value> runs = new ElementRuns<>(Value::new);
            Value scratch = new Value();
            for (int step = 0; step < 2_000; step++) {
                int i = random.nextInt(size);
                // Few values, often written in sweeps: runs grow, split and merge again.
                int v = 1 + random.nextInt(3);
                int n = random.nextInt(4) == 0 ? 1 + random.nextInt(size - i) : 1;
                for (int k = i; k < i + n; k++) {
                    set(runs, scratch, k, v);
                    expected[k] = v;
                }
                for (int k = 0; k < size; k++) {
                    assertEquals(expected[k], get(runs, k), "round " + round + " step " + step + " element " + k);
                }
            }
            int[] previous = {-1, 0};
            int[] covered = {0};
            runs.forEach(r -> {
                assertFalse(previous[0] == r.start() && previous[1] == r.state.v,
                        "two touching runs with one state at " + r.start());
                previous[0] = r.end();
                previous[1] = r.state.v;
                covered[0] += r.length();
            });
            int accessed = 0;
            for (int v : expected) {
                accessed += v != 0 ? 1 : 0;
            }
            assertEquals(accessed, covered[0]);
        }
    }

    /** A range written as RaceAnalysis writes one: its runs covered, each set, equal neighbours merged. */
    private static void setRange(ElementRuns<Value> runs, int from, int end, int value) {
        ElementRuns.Run<Value> first = runs.cover(from, end);
        ElementRuns.Run<Value> last = first;
        for (ElementRuns.Run<Value> r = first; r != null && r.start() < end; r = r.next()) {
            r.state.v = value;
            last = r;
        }
        runs.mergeEqualNeighbours(first, last);
    }

    /**
     * Thousands of runs over a large, sparse array, touched at random, near the last element and
     * by ranges: past {@link ElementRuns#HINTS_FROM} runs the lookups start from the run found
     * last in the element's block, which may since have been split or merged away.
     */
    @Test
    void findsEveryElementAmongThousandsOfRunsWhereverTouched() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 6; round++) {
            int size = 1_000 << round;
            int[] expected = new int[size];
            ElementRuns<Value> runs = new ElementRuns<>(Value::new);
            Value scratch = new Value();
            int at = 0;
            for (int step = 0; step < 40_000; step++) {
                int kind = random.nextInt(10);
                int v = 1 + random.nextInt(kind < 5 ? 50 : 2); // many states: few merges; two: many
                if (kind == 0) {
                    int from = random.nextInt(size);
                    int end = Math.min(size, from + 1 + random.nextInt(64));
                    setRange(runs, from, end, v);
                    Arrays.fill(expected, from, end, v);
                } else {
                    at = kind < 4 ? random.nextInt(size) : Math.floorMod(at + random.nextInt(9) - 4, size);
                    set(runs, scratch, at, v);
                    expected[at] = v;
                }
                int probe = random.nextInt(size);
                assertEquals(expected[probe], get(runs, probe), "round " + round + " step " + step + " element " + probe);
            }
            for (int k = 0; k < size; k++) {
                assertEquals(expected[k], get(runs, k), "round " + round + " element " + k);
            }
            assertTrue(runs.runs() > ElementRuns.HINTS_FROM, "the hints were used: " + runs.runs() + " runs");
        }
    }

    @Test
    void anArrayFilledWithOneStateIsOneRun() {
        ElementRuns<Value> runs = new ElementRuns<>(Value::new);
        Value scratch = new Value();
        for (int i = 0; i < 100_000; i++) {
            set(runs, scratch, i, 7);
        }
        assertEquals(1, runs.runs());
        set(runs, scratch, 500, 8); // one element changes: three runs
        assertEquals(3, runs.runs());
        set(runs, scratch, 500, 7); // and back: one again
        assertEquals(1, runs.runs());
        assertNull(runs.find(100_000));
    }
}
