package dev.racelock.analyzer.predict;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A location's WCP rule (a) states, one per lock ({@link SectionGuards}): the location itself for
 * its first lock, the others chained (and, past {@link SectionGuards#CHAIN_SEARCHED}, indexed by
 * lock). Each lock must find its own sections however many others the location has, also in a
 * copy (an array element's state is copied to a scratch state at each access and back).
 */
class LocationGuardsTest {

    private static final int LOCKS = 3 * SectionGuards.CHAIN_SEARCHED;

    /** Lock i's section that wrote and the one that read, for locks 100, 101, ...; threads alternate. */
    private static CriticalSection[][] sectionsUnderEachLock(SectionGuards x) {
        CriticalSection[][] cs = new CriticalSection[LOCKS][2];
        for (int i = 0; i < LOCKS; i++) {
            long lock = 100 + i;
            cs[i][0] = new CriticalSection(i % 2, lock, 10 + i, 0);
            cs[i][1] = new CriticalSection((i + 1) % 2, lock, 20 + i, 0);
            LockedAccesses g = x.guard(lock);
            assertTrue(g.wrote(cs[i][0]));
            assertTrue(g.read(cs[i][1]));
        }
        return cs;
    }

    private static void assertEachLockHasItsSections(SectionGuards x, CriticalSection[][] cs) {
        for (int i = LOCKS - 1; i >= 0; i--) { // newest chained first, so not the order they were made in
            long lock = 100 + i;
            LockedAccesses g = x.guard(lock);
            assertEquals(lock, g.lock, "lock " + lock);
            assertSame(cs[i][0], g.lastWrite, "the write under lock " + lock);
            assertSame(cs[i][1], g.lastRead, "the read under lock " + lock);
            assertFalse(g.wrote(cs[i][0]), "lock " + lock + ": its write was already the last");
        }
    }

    @Test
    void eachLockFindsItsOwnSectionsAmongManyChained() {
        Location x = new Location();
        CriticalSection[][] cs = sectionsUnderEachLock(x);
        assertSame(x, x.guard(100), "the first lock's state is the location itself");
        assertEachLockHasItsSections(x, cs); // walked, then indexed
        assertEachLockHasItsSections(x, cs);
    }

    /** A volatile's or a hand-off token's states, kept without a whole Location (PredictiveRaceAnalysis.SyncLocation). */
    @Test
    void guardsAloneFindEachLocksOwnSections() {
        SectionGuards x = new SectionGuards();
        CriticalSection[][] cs = sectionsUnderEachLock(x);
        assertEachLockHasItsSections(x, cs);
        assertEachLockHasItsSections(x, cs);
    }

    @Test
    void aCopyHasEveryLocksSectionsInStatesOfItsOwn() {
        Location x = new Location();
        CriticalSection[][] cs = sectionsUnderEachLock(x);
        assertEachLockHasItsSections(x, cs); // x's chain indexed before the copy

        Location copy = new Location();
        copy.copyFrom(x);
        assertTrue(copy.sameAs(x));
        assertEachLockHasItsSections(copy, cs);
        assertEachLockHasItsSections(copy, cs);

        long lock = 100 + LOCKS - 1;
        CriticalSection later = new CriticalSection(0, lock, 99, 0);
        assertNotSame(x.guard(lock), copy.guard(lock));
        copy.guard(lock).wrote(later);
        assertSame(cs[LOCKS - 1][0], x.guard(lock).lastWrite, "the original keeps its section");
        assertFalse(copy.sameAs(x));

        // Copied back over a state with a longer chain of its own (a scratch state reused):
        Location reused = new Location();
        sectionsUnderEachLock(reused);
        reused.guard(999).wrote(later);
        reused.copyFrom(x);
        assertTrue(reused.sameAs(x));
        assertEachLockHasItsSections(reused, cs);
        assertEquals(null, reused.guard(999).lastWrite, "a lock the copied state never had starts empty");
    }
}
