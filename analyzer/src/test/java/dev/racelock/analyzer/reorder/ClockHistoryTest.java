package dev.racelock.analyzer.reorder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockHistoryTest {

    private static final int WIDTH = 12;
    private static final int OWN = 0;

    /** The clock of thread {@link #OWN} after each epoch, as ReadsFromClocks drives a history. */
    private static final class Run {
        final ClockHistory history = new ClockHistory();
        final int[] clock = new int[WIDTH];
        final List<int[]> afterEpoch = new ArrayList<>(); // index e: the clock at epoch e, own entry 0
        final Random random;

        Run(long seed) {
            random = new Random(seed);
            clock[OWN] = 1;
            afterEpoch.add(new int[WIDTH]);
            afterEpoch.add(new int[WIDTH]);
        }

        void epochs(int n) {
            for (int k = 0; k < n; k++) {
                history.beforeChanges(clock[OWN], clock);
                int epoch = ++clock[OWN];
                for (int u = 1; u < WIDTH; u++) {
                    if (random.nextInt(3) == 0) {
                        clock[u] += 1 + random.nextInt(3);
                        history.record(epoch, u, clock[u]);
                    }
                }
                int[] snapshot = clock.clone();
                snapshot[OWN] = 0;
                afterEpoch.add(snapshot);
            }
        }

        int[] at(int epoch) {
            int[] out = new int[WIDTH];
            history.at(epoch, out);
            out[OWN] = 0; // not kept: the thread's own entry at epoch e is e
            return out;
        }
    }

    @Test
    void rebuildsTheClockOfEveryEpochFromCheckpointsAndChanges() {
        Run run = new Run(14);
        run.epochs(400);
        for (int e = 1; e < run.afterEpoch.size(); e++) {
            assertArrayEquals(run.afterEpoch.get(e), run.at(e), "epoch " + e);
        }
    }

    @Test
    void afterDroppingTheOlderHalfRecentEpochsAreExactAndOlderOnesAtLeastAsLarge() {
        Run run = new Run(7);
        run.epochs(400);
        int before = run.history.size();
        int dropped = run.history.dropOlderHalf();
        assertTrue(dropped > 0);
        assertEquals(before - dropped, run.history.size());
        run.epochs(100); // records after the cut go on where the kept changes end
        int exactFrom = -1;
        for (int e = 1; e < run.afterEpoch.size(); e++) {
            int[] exact = run.afterEpoch.get(e);
            int[] rebuilt = run.at(e);
            boolean same = Arrays.equals(exact, rebuilt);
            if (same && exactFrom < 0) {
                exactFrom = e;
            }
            if (exactFrom >= 0) {
                assertArrayEquals(exact, rebuilt, "epoch " + e + " (kept)");
            } else {
                for (int u = 0; u < WIDTH; u++) {
                    assertTrue(rebuilt[u] >= exact[u], "epoch " + e + ", entry " + u);
                }
            }
        }
        assertTrue(exactFrom > 1, "older epochs are answered with a later checkpoint");
    }
}
