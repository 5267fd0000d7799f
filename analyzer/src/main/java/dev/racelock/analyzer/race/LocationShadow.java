package dev.racelock.analyzer.race;

/**
 * FastTrack shadow state of one memory location (Flanagan &amp; Freund, PLDI 2009, §3): the last
 * write as an epoch (thread, clock), the last read as an epoch, or a read vector while reads are
 * concurrent. Each access also keeps its site, calling context and lock set, so that when a
 * later access races with it the report can show the earlier access's stack too.
 */
final class LocationShadow {

    final long object;
    final int slot;
    /** The next location of the same object (ShadowMemory frees an object's locations together). */
    LocationShadow nextOfObject;

    LocationShadow(long object, int slot) {
        this.object = object;
        this.slot = slot;
    }

    int writeThread = -1;
    int writeClock;
    int writeSite;
    int writeContext;
    int writeLockSet;
    /** Site of the writer's own read of this location in the same epoch (read-modify-write), or -1. */
    int writeReadSite = -1;

    int readThread = -1;
    int readClock;
    int readSite;
    int readContext;
    int readLockSet;

    /** Non-null and active while the location is read-shared. */
    ReadVector reads;

    AccessRecord writeRecord() {
        return new AccessRecord(writeThread, true, writeSite, writeContext, writeLockSet, writeReadSite);
    }

    AccessRecord readRecord() {
        return new AccessRecord(readThread, false, readSite, readContext, readLockSet, -1);
    }

    boolean readShared() {
        return reads != null && reads.active;
    }
}
