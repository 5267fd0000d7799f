package dev.racelock.analyzer.predict;

/**
 * One distinct predicted race as detected (ids only; {@link PredictedRaceFindings} words it):
 * the first evidence of a location class and pair of sites, and how often it recurred.
 */
final class PredictedRace {

    /** One access: thread, read or write, site, calling context and held-lock set ids. */
    record Side(int thread, boolean write, int site, int context, int lockSet) {}

    /** The location class, as fingerprints name it. */
    final String locationKey;
    /** Object (array) and slot (field id or index) of the first occurrence. */
    final long object;
    final int slot;
    final boolean array;
    /** The access that came first in the trace, and the one that conflicts with it. */
    final Side earlier;
    final Side later;
    /**
     * The critical section whose release ordered the two accesses in this run and the later
     * thread's section that took the lock from it; null when the order came through a chain the
     * analysis does not track.
     */
    final CriticalSection releasing;
    final CriticalSection acquiring;
    int occurrences = 1;

    PredictedRace(String locationKey, long object, int slot, boolean array, Side earlier, Side later,
                  CriticalSection releasing, CriticalSection acquiring) {
        this.locationKey = locationKey;
        this.object = object;
        this.slot = slot;
        this.array = array;
        this.earlier = earlier;
        this.later = later;
        this.releasing = releasing;
        this.acquiring = acquiring;
    }
}
