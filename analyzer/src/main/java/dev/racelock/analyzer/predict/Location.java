package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.collect.ElementRuns;
import dev.racelock.trace.ArrayGrowth;

import java.util.Arrays;

/**
 * WCP shadow state of one memory location: the last write and the last reads as epochs
 * (FastTrack's representation, PLDI 2009, applied to the WCP clock as the WCP paper does), each
 * with its evidence; the clock of the last write, which a read that raced with it takes (the
 * reads-from edge, below); and per lock, the last critical sections that read and wrote it
 * (rule (a) of WCP): for the first lock in the location itself, for others in a chain.
 *
 * <p>A field has one, in {@link PredictiveRaceAnalysis}'s column of the session's
 * {@link dev.racelock.analyzer.collect.LocationStates}, whose row carries the key; a run of array
 * elements has one (the element is given with each access), see {@link ElementRuns}. None
 * carries its key: the accesses give it.
 */
final class Location extends SectionGuards implements ElementRuns.State<Location> {

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

    Location() {
    }

    void addRead(int t, int epoch, int site, int context, int lockSet) {
        if (t >= reads.length) { // a per-read path: no field stores unless it grows
            reads = ArrayGrowth.toFit(reads, t);
            readSites = ArrayGrowth.toFit(readSites, t);
            readContexts = ArrayGrowth.toFit(readContexts, t);
            readLockSets = ArrayGrowth.toFit(readLockSets, t);
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

    // ---- as the state of a run of array elements ----------------------------------------------

    /** This := the state of a location never accessed: a copy of one (copying allocates nothing from it). */
    @Override
    public void clear() {
        copyFrom(NEVER_ACCESSED);
    }

    private static final Location NEVER_ACCESSED = new Location();

    @Override
    public void copyFrom(Location o) {
        writeThread = o.writeThread;
        writeEpoch = o.writeEpoch;
        writeSite = o.writeSite;
        writeContext = o.writeContext;
        writeLockSet = o.writeLockSet;
        writeClock = o.writeClock; // shared, never modified
        readThread = o.readThread;
        readEpoch = o.readEpoch;
        readSite = o.readSite;
        readContext = o.readContext;
        readLockSet = o.readLockSet;
        if (o.reads == null) {
            reads = null;
        } else {
            reads = copy(reads, o.reads);
            readSites = copy(readSites, o.readSites);
            readContexts = copy(readContexts, o.readContexts);
            readLockSets = copy(readLockSets, o.readLockSets);
        }
        lastPredicted = o.lastPredicted;
        lastPredictedSites = o.lastPredictedSites;
        copyAllGuardsFrom(o);
    }

    /** {@code src}'s entries in {@code into} if it is as long, else in a copy (an unused array may come from an earlier state). */
    private static int[] copy(int[] into, int[] src) {
        if (into == null || into.length != src.length) {
            return src.clone();
        }
        System.arraycopy(src, 0, into, 0, src.length);
        return into;
    }

    /** Every field the rules consult (not the cache of the last predicted race). */
    @Override
    public boolean sameAs(Location o) {
        return writeThread == o.writeThread && writeEpoch == o.writeEpoch && writeSite == o.writeSite
                && writeContext == o.writeContext && writeLockSet == o.writeLockSet && writeClock == o.writeClock
                && readThread == o.readThread && readEpoch == o.readEpoch && readSite == o.readSite
                && readContext == o.readContext && readLockSet == o.readLockSet
                && (reads == null ? o.reads == null : o.reads != null && Arrays.equals(reads, o.reads)
                        && Arrays.equals(readSites, o.readSites) && Arrays.equals(readContexts, o.readContexts)
                        && Arrays.equals(readLockSets, o.readLockSets))
                && sameGuardsAs(o);
    }
}
