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
    /** The key of a state that no table holds (a run of array elements). */
    static final long NO_OBJECT = Long.MIN_VALUE;

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

    /** Notes a write by {@code cs}; false when it was already the last. */
    boolean wrote(CriticalSection cs) {
        if (lastWrite == cs) {
            return false;
        }
        if (lastWrite != null && lastWrite.thread != cs.thread) {
            lastWriteOther = lastWrite;
        }
        lastWrite = cs;
        return true;
    }

    /** Notes a read by {@code cs}; false when it was already the last. */
    boolean read(CriticalSection cs) {
        if (lastRead == cs) {
            return false;
        }
        if (lastRead != null && lastRead.thread != cs.thread) {
            lastReadOther = lastRead;
        }
        lastRead = cs;
        return true;
    }

    /**
     * This chain := a copy of {@code o}'s (the sections are shared: they are never changed
     * through it), in this chain's own states as far as they go: every chained state belongs to
     * one chain only (made by chain() or here), so the old ones are free to take the new values.
     */
    final void copyGuardsFrom(LockedAccesses o) {
        copySectionsFrom(o);
        LockedAccesses spare = next;
        LockedAccesses tail = this;
        for (LockedAccesses g = o.next; g != null; g = g.next) {
            LockedAccesses c;
            if (spare != null) {
                c = spare;
                spare = spare.next;
            } else {
                c = new LockedAccesses(object, slot, NO_LOCK);
            }
            c.copySectionsFrom(g);
            tail.next = c;
            tail = c;
        }
        tail.next = null;
    }

    private void copySectionsFrom(LockedAccesses o) {
        lock = o.lock;
        lastWrite = o.lastWrite;
        lastWriteOther = o.lastWriteOther;
        lastRead = o.lastRead;
        lastReadOther = o.lastReadOther;
    }

    /** Whether the chains hold the same sections per lock, in the same order (another order only merges less). */
    final boolean sameGuardsAs(LockedAccesses o) {
        LockedAccesses a = this;
        LockedAccesses b = o;
        while (a != null && b != null) {
            if (a.lock != b.lock || a.lastWrite != b.lastWrite || a.lastWriteOther != b.lastWriteOther
                    || a.lastRead != b.lastRead || a.lastReadOther != b.lastReadOther) {
                return false;
            }
            a = a.next;
            b = b.next;
        }
        return a == b;
    }
}
