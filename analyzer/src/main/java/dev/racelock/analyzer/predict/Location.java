package dev.racelock.analyzer.predict;

/**
 * WCP shadow state of one memory location: the last write and the last reads as epochs
 * (FastTrack's representation, PLDI 2009, applied to the WCP clock as the WCP paper does), each
 * with its evidence; the clock of the last write, which a read that raced with it takes (the
 * reads-from edge, below); and per lock, the last critical sections that read and wrote it
 * (rule (a) of WCP): for the first lock in the location itself, for others in a chain.
 */
final class Location extends LockedAccesses {

    int writeThread = -1;
    int writeEpoch;
    int writeSite;
    int writeContext;
    int writeLockSet;
    /** max(H, P) at the last write (shared, never modified). */
    int[] writeClock;

    int readThread = -1;
    int readEpoch;
    int readSite;
    int readContext;
    int readLockSet;
    /** Per thread, the epoch of its last read (0: none), while reads are unordered; else null. */
    int[] reads;
    int[] readSites;
    int[] readContexts;
    int[] readLockSets;

    /** The last predicted race found on this location and its two sites (packed), to count repeats cheaply. */
    PredictedRace lastPredicted;
    long lastPredictedSites;

    Location(long object, int slot) {
        super(object, slot);
    }

    /** The rule (a) state for {@code lock}: this location itself for its first lock (most have one), else a chained one. */
    LockedAccesses guard(long lock) {
        if (this.lock == lock) {
            return this;
        }
        if (this.lock == NO_LOCK) {
            this.lock = lock;
            return this;
        }
        for (LockedAccesses g = next; g != null; g = g.next) {
            if (g.lock == lock) {
                return g;
            }
        }
        LockedAccesses g = new LockedAccesses(object, slot, lock);
        g.next = next;
        next = g;
        return g;
    }

    void addRead(int t, int epoch, int site, int context, int lockSet) {
        if (t >= reads.length) {
            int n = Math.max(t + 1, reads.length * 2);
            reads = java.util.Arrays.copyOf(reads, n);
            readSites = java.util.Arrays.copyOf(readSites, n);
            readContexts = java.util.Arrays.copyOf(readContexts, n);
            readLockSets = java.util.Arrays.copyOf(readLockSets, n);
        }
        reads[t] = epoch;
        readSites[t] = site;
        readContexts[t] = context;
        readLockSets[t] = lockSet;
    }

    void shareReads(int width) {
        int n = Math.max(4, width);
        reads = new int[n];
        readSites = new int[n];
        readContexts = new int[n];
        readLockSets = new int[n];
        if (readThread >= 0) {
            addRead(readThread, readEpoch, readSite, readContext, readLockSet);
            readThread = -1;
        }
    }
}
