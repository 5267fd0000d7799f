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
    /**
     * While reads are unordered, per thread u its last read at {@code u * READ_WIDTH}: the epoch
     * (0: none), then the site, context and lock set ({@link #READ_SITE} ...); else null. One array
     * rather than one per column: a read touches one place of it, and a location is 12 bytes
     * smaller (the synthetic stream's time grows with the predictive states' size).
     */
    int[] reads;

    static final int READ_WIDTH = 4;
    static final int READ_SITE = 1;
    static final int READ_CONTEXT = 2;
    static final int READ_LOCK_SET = 3;

    /** The last predicted race found on this location with its two sites, to count repeats cheaply; null before one. */
    LastPredicted lastPredicted;

    /** A predicted race and its two sites (packed): apart from the location, which has one only once a race was predicted on it. */
    record LastPredicted(PredictedRace race, long sites) {
    }

    Location() {
    }

    /** Whether {@link #reads} holds a read of thread t in epoch {@code epoch}. */
    boolean sharedReadIn(int t, int epoch) {
        int at = t * READ_WIDTH;
        return at < reads.length && reads[at] == epoch;
    }

    void addRead(int t, int epoch, int site, int context, int lockSet) {
        int at = t * READ_WIDTH;
        int[] r = reads;
        if (at >= r.length) { // a per-read path: no field store unless it grows
            r = reads = ArrayGrowth.toFit(r, at + READ_WIDTH - 1);
        }
        r[at] = epoch;
        r[at + READ_SITE] = site;
        r[at + READ_CONTEXT] = context;
        r[at + READ_LOCK_SET] = lockSet;
    }

    void shareReads(int width) {
        reads = new int[Math.max(4, width) * READ_WIDTH];
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
        reads = o.reads == null ? null : copy(reads, o.reads);
        lastPredicted = o.lastPredicted; // never modified: a new one replaces it
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
                && (reads == null ? o.reads == null : o.reads != null && Arrays.equals(reads, o.reads))
                && sameGuardsAs(o);
    }
}
