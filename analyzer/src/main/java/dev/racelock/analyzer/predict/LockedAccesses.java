package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.collect.KeyedLocation;

/**
 * WCP rule (a) state of one location for one lock: the last critical section that wrote (read)
 * the location, and the last one of a thread other than that one's, so the latest section of any
 * thread but the accessing one is at hand (releases of one lock are ordered, so it covers all
 * earlier ones). A {@link Location} is the state of its first lock itself; others are chained,
 * keyed by the same location.
 */
class LockedAccesses extends KeyedLocation {

    static final long NO_LOCK = Long.MIN_VALUE;

    long lock = NO_LOCK;
    LockedAccesses next;
    CriticalSection lastWrite;
    CriticalSection lastWriteOther;
    CriticalSection lastRead;
    CriticalSection lastReadOther;

    LockedAccesses(long object, int slot) {
        super(object, slot);
    }

    LockedAccesses(long object, int slot, long lock) {
        super(object, slot);
        this.lock = lock;
    }

    static CriticalSection foreign(CriticalSection last, CriticalSection other, int t) {
        if (last == null) {
            return null;
        }
        return last.thread != t ? last : other;
    }

    void wrote(CriticalSection cs) {
        if (lastWrite != cs) {
            if (lastWrite != null && lastWrite.thread != cs.thread) {
                lastWriteOther = lastWrite;
            }
            lastWrite = cs;
        }
    }

    void read(CriticalSection cs) {
        if (lastRead != cs) {
            if (lastRead != null && lastRead.thread != cs.thread) {
                lastReadOther = lastRead;
            }
            lastRead = cs;
        }
    }
}
