package dev.racelock.agent.runtime;

import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The id of the held set (HeldLocks#state): equal ids only for the same locks, taken at the same sites. */
class HeldLocksTest {
    private static final int MONITOR = LockFlags.MONITOR;
    private final HeldLocks held = new HeldLocks();

    @Test
    void aLockTakenAndReleasedGivesTheOuterSetItsIdBack() {
        assertEquals(0, held.state());
        held.acquired(1, 10, MONITOR);
        long outer = held.state();
        held.acquired(2, 20, MONITOR);
        assertNotEquals(outer, held.state());
        held.acquired(2, 21, MONITOR); // reentrant: the same set
        long inner = held.state();
        held.released(2, MONITOR);
        assertEquals(inner, held.state());
        held.released(2, MONITOR);
        assertEquals(outer, held.state());
        held.released(1, MONITOR);
        assertEquals(0, held.state());
    }

    @Test
    void theSameLockTakenAgainIsANewSet() {
        held.acquired(1, 10, MONITOR);
        long first = held.state();
        held.released(1, MONITOR);
        held.acquired(1, 11, MONITOR); // another site: another witness
        assertNotEquals(first, held.state());
    }

    @Test
    void releasingAnOuterLockFirstRenamesTheSetsAboveIt() {
        held.acquired(1, 10, MONITOR);
        long onlyOne = held.state();
        held.acquired(2, 20, MONITOR);
        long both = held.state();
        held.released(1, MONITOR); // hand over hand: only 2 is held now
        assertNotEquals(onlyOne, held.state());
        assertNotEquals(both, held.state());
        assertNotEquals(0, held.state());
    }

    @Test
    void aWaitGivesTheLockUpAndTakesItBack() {
        held.acquired(1, 10, MONITOR);
        long before = held.state();
        held.released(1, MONITOR | LockFlags.WAIT);
        assertEquals(0, held.state());
        held.acquired(1, 10, MONITOR | LockFlags.WAIT);
        assertNotEquals(0, held.state());
        assertNotEquals(before, held.state(), "a new id: more writes, never fewer");
    }
}
