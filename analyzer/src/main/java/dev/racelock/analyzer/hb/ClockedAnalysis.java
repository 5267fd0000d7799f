package dev.racelock.analyzer.hb;

import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.trace.LastOwnedAccess;

import java.util.Locale;

/**
 * An analysis that keeps its own {@link HappensBefore}: the edges every such analysis takes the
 * same way (fork, join, volatile, library hand-offs, freeing) are fed here once; lock edges are
 * left to the subclass, since analyses differ on them (races count them, lock order must not).
 */
public abstract class ClockedAnalysis implements Analysis {

    protected final HappensBefore hb;

    protected ClockedAnalysis(boolean lockEdges) {
        this.hb = new HappensBefore(lockEdges);
    }

    /**
     * The warning that clocks grew too wide and ended threads handed their slots on early
     * ({@link HappensBefore#slotsHandedOnEarly}), naming what may have been {@code missed}; null if not.
     */
    protected final String earlySlotWarning(String missed) {
        int early = hb.slotsHandedOnEarly();
        if (early == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "to keep memory bounded, the analysis follows at most %d threads at once, "
                + "counting those that ended without being joined: %,d threads took over the clock entry of such an "
                + "ended thread, so %s by it after it last synchronized may have been missed",
                HappensBefore.EXACT_SLOTS, early, missed);
    }

    @Override
    public void forkJoin(int thread, boolean join, int child, int site) {
        hb.forkJoin(thread, join, child);
    }

    @Override
    public void threadEnd(int thread) {
        threadEnd(thread, LastOwnedAccess.UNKNOWN);
    }

    @Override
    public void threadEnd(int thread, int lastOwnedAccess) {
        hb.threadEnd(thread, lastOwnedAccess);
    }

    @Override
    public void volatileAccess(int thread, boolean write, long object, int slot, int site) {
        hb.volatileAccess(thread, write, object, slot);
    }

    @Override
    public void handOff(int thread, boolean release, long token, int site) {
        hb.handOff(thread, release, token);
    }

    /** Drops the object's clocks; subclasses dropping more call this too. */
    @Override
    public void objectFreed(long object) {
        hb.freed(object);
    }
}
