package dev.racelock.analyzer.race;

/**
 * One side of a race as detected: everything needed to describe the access later, as ids.
 *
 * @param thread   accessing thread
 * @param write    a write (else a read)
 * @param site     site id
 * @param context  calling-context id
 * @param lockSet  held-lock-set id
 * @param readSite for a write: the site where the same thread read the location in the same
 *                 epoch just before (read-modify-write), else -1
 */
record AccessRecord(int thread, boolean write, int site, int context, int lockSet, int readSite) {}
