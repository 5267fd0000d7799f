package dev.racelock.agent.runtime;

/**
 * Drops an access that repeats one already recorded by this thread — same kind, same location
 * (object, slot), same site — with no synchronization event of this thread in between
 * (DESIGN.md, "Keeping the record small"; FastTrack's same-epoch case, Flanagan and Freund,
 * PLDI 2009). Between two synchronization events a thread's vector clock does not change, so
 * any access that races with the dropped one races with the recorded one, at the same site:
 * the findings are the same. Option {@code filter=off} records everything.
 *
 * <p>Every call that is not a plain access or a method enter/exit starts a new epoch. A new
 * synchronizing method added to {@link EventRecorder} must do the same here.
 *
 * <p>Hot path: a direct-mapped table of the last access per hash bucket; no allocation, no lock.
 */
final class RepeatFilter implements EventRecorder {
    private static final int BITS = 10;
    private static final int READ = 0;
    private static final int WRITE = 1;
    private static final int ARRAY_READ = 2;
    private static final int ARRAY_WRITE = 3;

    private final EventRecorder next;
    private final long[] objects = new long[1 << BITS];
    private final long[] slotSites = new long[1 << BITS];
    private final long[] stamps = new long[1 << BITS];
    /** Starts at 1 so that an empty bucket (stamp 0) never matches. */
    private long epoch = 1;

    RepeatFilter(EventRecorder next) {
        this.next = next;
    }

    private boolean repeated(long object, int slot, int site, int kind) {
        long slotSite = ((long) slot << 32) | (site & 0xFFFFFFFFL);
        // the kind is hashed too: a read and a write of one location (x++) must not evict each other
        int bucket = (int) ((object * 0x9E3779B97F4A7C15L + slotSite * 0xC2B2AE3D27D4EB4FL + kind * 0x165667B19E3779F9L)
                >>> (64 - BITS));
        long stamp = (epoch << 2) | kind;
        if (stamps[bucket] == stamp && objects[bucket] == object && slotSites[bucket] == slotSite) {
            return true;
        }
        objects[bucket] = object;
        slotSites[bucket] = slotSite;
        stamps[bucket] = stamp;
        return false;
    }

    // ---- plain accesses: filtered ------------------------------------------------------------

    @Override
    public void read(long object, int field, int site) {
        if (!repeated(object, field, site, READ)) {
            next.read(object, field, site);
        }
    }

    @Override
    public void write(long object, int field, int site) {
        if (!repeated(object, field, site, WRITE)) {
            next.write(object, field, site);
        }
    }

    @Override
    public void arrayRead(long array, int index, int site) {
        if (!repeated(array, index, site, ARRAY_READ)) {
            next.arrayRead(array, index, site);
        }
    }

    @Override
    public void arrayWrite(long array, int index, int site) {
        if (!repeated(array, index, site, ARRAY_WRITE)) {
            next.arrayWrite(array, index, site);
        }
    }

    @Override public void arrayRangeRead(long array, int from, int length, int site) { next.arrayRangeRead(array, from, length, site); }
    @Override public void arrayRangeWrite(long array, int from, int length, int site) { next.arrayRangeWrite(array, from, length, site); }

    // ---- calling context: no synchronization, no new epoch -----------------------------------

    @Override public void methodEnter(int method, int callSite) { next.methodEnter(method, callSite); }
    @Override public void methodExit() { next.methodExit(); }

    // ---- everything else synchronizes (or might): a new epoch --------------------------------

    @Override public void volatileRead(long object, int slot, int site) { epoch++; next.volatileRead(object, slot, site); }
    @Override public void volatileWrite(long object, int slot, int site) { epoch++; next.volatileWrite(object, slot, site); }
    @Override public long reserveSequence() { return next.reserveSequence(); }
    @Override public void volatileWriteReserved(long seq, long object, int slot, int site) { epoch++; next.volatileWriteReserved(seq, object, slot, site); }
    @Override public void lockRequest(long lock, int site, int flags) { epoch++; next.lockRequest(lock, site, flags); }
    @Override public void lockAcquire(long lock, int site, int flags) { epoch++; next.lockAcquire(lock, site, flags); }
    @Override public void lockRelease(long lock, int site, int flags) { epoch++; next.lockRelease(lock, site, flags); }
    @Override public void threadStart(int child, int site) { epoch++; next.threadStart(child, site); }
    @Override public void threadBegin() { epoch++; next.threadBegin(); }
    @Override public void threadEnd() { epoch++; next.threadEnd(); }
    @Override public void threadJoin(int child, int site) { epoch++; next.threadJoin(child, site); }
    @Override public void hbRelease(long token, int site) { epoch++; next.hbRelease(token, site); }
    @Override public void hbAcquire(long token, int site) { epoch++; next.hbAcquire(token, site); }
}
