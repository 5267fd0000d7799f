package dev.racelock.analyzer.race;

import dev.racelock.analyzer.collect.ElementRuns;
import dev.racelock.analyzer.collect.KeyedLocation;

/**
 * FastTrack shadow state (Flanagan &amp; Freund, PLDI 2009, §3) of one memory location, or of a run
 * of array elements that all have the same history: the last write as an epoch (thread, clock),
 * the last read as an epoch, or a read vector while reads are concurrent. Each access also keeps
 * its site, calling context and lock set, so that when a later access races with it the report
 * can show the earlier access's stack too. Threads are trace thread ids; their epochs are
 * compared through HappensBefore.slot. Positions place an access among the accesses of its
 * epoch, for the reads-from order ({@link SchedulableOrder}); they are not part of the history
 * that {@link #sameAs} compares (array runs do not use them).
 */
class AccessState extends KeyedLocation implements ElementRuns.State<AccessState> {

    int writeThread = -1;
    int writeClock;
    int writeSite;
    int writeContext;
    int writeLockSet;
    /** Site of the writer's own read of this location in the same epoch (read-modify-write), or -1. */
    int writeReadSite = -1;
    int writePosition = SchedulableOrder.UNKNOWN;

    int readThread = -1;
    int readClock;
    int readSite;
    int readContext;
    int readLockSet;
    int readPosition = SchedulableOrder.UNKNOWN;

    /** Non-null and active while the location is read-shared. */
    ReadVector reads;

    /** The state of field {@code slot} of {@code object}, kept in {@link RaceAnalysis}'s column of the location table. */
    AccessState(long object, int slot) {
        super(object, slot);
    }

    /** A state kept outside any table (a run of array elements, a scratch copy): its key is unused. */
    AccessState() {
        this(-1, -1);
    }

    final AccessRecord writeRecord() {
        return new AccessRecord(writeThread, true, writeSite, writeContext, writeLockSet, writeReadSite);
    }

    final AccessRecord readRecord() {
        return new AccessRecord(readThread, false, readSite, readContext, readLockSet, -1);
    }

    final boolean readShared() {
        return reads != null && reads.active;
    }

    /** The last write := thread {@code thread}'s at epoch {@code clock}, with what a report shows of it. */
    final void setWrite(int thread, int clock, int site, int context, int lockSet, int readSite, int position) {
        writeThread = thread;
        writeClock = clock;
        writeSite = site;
        writeContext = context;
        writeLockSet = lockSet;
        writeReadSite = readSite;
        writePosition = position;
    }

    /** The last read := thread {@code thread}'s at epoch {@code clock} (an epoch, not a read vector). */
    final void setRead(int thread, int clock, int site, int context, int lockSet, int position) {
        readThread = thread;
        readClock = clock;
        readSite = site;
        readContext = context;
        readLockSet = lockSet;
        readPosition = position;
    }

    /** This := the state of a location never accessed. */
    @Override
    public final void clear() {
        setWrite(-1, 0, 0, 0, 0, -1, SchedulableOrder.UNKNOWN);
        setRead(-1, 0, 0, 0, 0, SchedulableOrder.UNKNOWN);
        if (reads != null) {
            reads.deactivate();
        }
    }

    /** This := {@code o}, the read vector copied, so the two evolve apart. */
    @Override
    public final void copyFrom(AccessState o) {
        setWrite(o.writeThread, o.writeClock, o.writeSite, o.writeContext, o.writeLockSet, o.writeReadSite, o.writePosition);
        setRead(o.readThread, o.readClock, o.readSite, o.readContext, o.readLockSet, o.readPosition);
        if (o.readShared()) {
            if (reads == null) {
                reads = new ReadVector();
            }
            reads.copyFrom(o.reads);
        } else if (reads != null) {
            reads.deactivate();
        }
    }

    /**
     * Whether every later access would find the same here as in {@code o}: then two neighbouring
     * runs of elements can become one. Fields that the state does not consult (a write's
     * evidence when there is no write) are compared anyway; that only merges less.
     */
    @Override
    public final boolean sameAs(AccessState o) {
        return writeThread == o.writeThread && writeClock == o.writeClock && writeSite == o.writeSite
                && writeContext == o.writeContext && writeLockSet == o.writeLockSet && writeReadSite == o.writeReadSite
                && readThread == o.readThread && readClock == o.readClock && readSite == o.readSite
                && readContext == o.readContext && readLockSet == o.readLockSet
                && (readShared() ? o.readShared() && reads.sameAs(o.reads) : !o.readShared());
    }
}
