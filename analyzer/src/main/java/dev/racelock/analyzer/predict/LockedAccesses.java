package dev.racelock.analyzer.predict;

/**
 * WCP rule (a) state of one location for one lock: the last critical section that wrote (read)
 * the location, and the last one of a thread other than that one's, so the latest section of any
 * thread but the accessing one is at hand (releases of one lock are ordered, so it covers all
 * earlier ones). A {@link Location} is the state of its first lock itself; others are chained
 * from it. None carries the location's key: a field's {@link Location} is a column of the
 * session's table, whose row has the key (the cache workload's trace had 9.5 million chained
 * states at once, 16 bytes each smaller so).
 */
class LockedAccesses {

    static final long NO_LOCK = Long.MIN_VALUE;

    long lock = NO_LOCK;
    LockedAccesses next;
    CriticalSection lastWrite;
    CriticalSection lastWriteOther;
    CriticalSection lastRead;
    CriticalSection lastReadOther;

    LockedAccesses() {
    }

    LockedAccesses(long lock) {
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
                c = new LockedAccesses();
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
