package dev.racelock.analyzer.predict;

/**
 * One distinct predicted race as detected (ids only; {@link PredictedRaceFindings} words it).
 *
 * @param locationKey   the location class, as fingerprints name it
 * @param object        the object (array) of the first occurrence
 * @param slot          field id or array index of the first occurrence
 * @param array         an array element (else a field)
 * @param earlier       the access that came first in the trace
 * @param later         the access that conflicts with it
 * @param releasing     the critical section whose release ordered the two accesses in this run,
 *                      or null when the order came through a chain the analysis does not track
 * @param acquiring     the later thread's critical section on the same lock that took it
 */
record PredictedRace(String locationKey, long object, int slot, boolean array, Side earlier, Side later,
                     CriticalSection releasing, CriticalSection acquiring) {

    /** One access: thread, read or write, site, calling context and held-lock set ids. */
    record Side(int thread, boolean write, int site, int context, int lockSet) {}
}
