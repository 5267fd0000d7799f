package dev.racelock.analyzer.collect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ArrayStatesTest {

    private static final class Mark implements ElementRuns.State<Mark> {
        @Override
        public void copyFrom(Mark o) {
        }

        @Override
        public boolean sameAs(Mark o) {
            return true;
        }

        @Override
        public void clear() {
        }
    }

    /** More arrays than the cache has entries, used in turn: each keeps its own runs, and a removed one is gone from the cache too. */
    @Test
    void everyArrayKeepsItsRunsThroughTheCacheUntilRemoved() {
        ArrayStates<Mark> states = new ArrayStates<>(Mark::new);
        int arrays = 100;
        List<ElementRuns<Mark>> first = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int a = 0; a < arrays; a++) {
                ElementRuns<Mark> runs = states.of(a * 7L);
                if (round == 0) {
                    first.add(runs);
                } else {
                    assertSame(first.get(a), runs);
                }
                assertSame(runs, states.find(a * 7L));
            }
        }
        assertEquals(arrays, states.arrays());
        assertSame(first.get(3), states.remove(21));
        assertNull(states.find(21));
        assertNotSame(first.get(3), states.of(21));
        assertNull(states.find(1));
    }
}
