package dev.racelock.analyzer.reorder;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadsFromClocksTest {

    @Test
    void aReadOrdersTheReaderAfterTheWritersEpochAndNothingLater() {
        ReadsFromClocks clocks = new ReadsFromClocks();
        clocks.tick(2); // thread 2 at epoch 2 writes
        int written = clocks.epoch(2);
        clocks.tick(2); // and goes on to epoch 3
        clocks.joinEpoch(1, 2, written);
        assertTrue(clocks.knows(1, 2, written));
        assertFalse(clocks.knows(1, 2, written + 1));
    }

    /**
     * Threads 1 and 8 start with clocks of different widths (8 and 9 entries); exchanging values
     * must not widen them beyond the threads seen (doubling on each exchange ran out of memory
     * within a few dozen exchanges).
     */
    @Test
    void clocksExchangedBackAndForthStayAsWideAsTheThreadsSeen() {
        ReadsFromClocks clocks = new ReadsFromClocks();
        for (int i = 0; i < 200; i++) {
            clocks.tick(8);
            clocks.joinEpoch(1, 8, clocks.epoch(8));
            clocks.tick(1);
            clocks.joinEpoch(8, 1, clocks.epoch(1));
        }
        assertEquals(9, clocks.threads());
        assertEquals(9, clocks.current(1).length);
        assertEquals(9, clocks.current(8).length);
        assertTrue(clocks.knows(8, 1, clocks.epoch(1)));
    }
}
