package dev.racelock.agent.runtime;

/**
 * Drops a plain access that cannot change a finding: one whose kind (read or write) and location
 * (object, field or element) this thread already recorded since its last synchronization event
 * (docs/agent.md, "Repeat filter"; FastTrack's same-epoch case, Flanagan and Freund,
 * PLDI 2009). The reader delivers a thread's plain events between two of its synchronization
 * events together, with nothing of another thread in between (docs/trace-format.md, "Reading
 * order"), and the thread's vector clock is the same for all of them, so for the analyzer such a
 * repeat is always FastTrack's [WRITE SAME EPOCH] or [READ SAME EPOCH]: it is skipped before any
 * check, whatever its site. Two exceptions keep an access that looks like a repeat:
 * <ul>
 *   <li>the first read after the first write of the location in the epoch: a write that every
 *       read so far happens before empties a shared read state ([WRITE SHARED]), so that read
 *       is checked and remembered anew (its site and stack are what a later racing write
 *       reports). Later writes are same-epoch repeats and empty nothing, so in a loop of
 *       {@code x++} one read, one write and one read are recorded per epoch;</li>
 *   <li>anything after a range write ({@code System.arraycopy}, {@code Arrays.fill}), which
 *       writes elements the table does not see: it starts the table afresh.</li>
 * </ul>
 * Option {@code filter=off} records everything.
 *
 * <p>Every call that is not a plain access or a method enter/exit starts a new epoch. A new
 * synchronizing method added to {@link SynchronizationRecorder} must do the same here.
 *
 * <p><b>Reads across acquires</b> (on when the trace may hold owned accesses, the agent's
 * default): a volatile read, a hand-off's acquire and a join end the epoch of writes, not that of
 * reads. Such an acquire does not tick the thread's own clock entry (only its releases do,
 * HappensBefore), so a read of a location the thread already read since its last release, lock
 * event and own write of it is the same epoch for the race analysis, which skips it before any
 * check. Its read state still holds the earlier read there: any other thread's write of the
 * location in between is unordered with that read (ordering it would take a release of this
 * thread after it), so that write races with it and keeps it (a racing read stays in the read
 * state). The predictions, whose reads-from order would differ, do not run on such a trace
 * (PredictiveRaceAnalysis, PredictiveLockOrderAnalysis): with {@code ownership=off}, where they do,
 * reads are repeats only between two synchronization events, as writes. Lock acquires still end
 * the read epoch: nothing on such a trace needs it, but it would leave out little more (Xalan,
 * counted: 3.9% of its plain accesses against 0.3%), and it was not built.
 *
 * <p>Hot path: a direct-mapped table of the last access per hash bucket; no allocation, no lock.
 * A collision evicts, so a repeat may be recorded, never a first access dropped.
 */
final class RepeatFilter implements EventRecorder {
    private static final int BITS = 10;
    private static final int READ = 0;
    private static final int WRITE = 1;
    private static final int ARRAY_READ = 2;
    private static final int ARRAY_WRITE = 3;

    private final EventRecorder next;
    private final long[] objects = new long[1 << BITS];
    private final int[] slots = new int[1 << BITS];
    private final long[] stamps = new long[1 << BITS];
    /** Starts at 1 so that an empty bucket (stamp 0) never matches. */
    private long epoch = 1;
    /** The epoch of reads: {@link #epoch}, or, with {@link #readsSpanAcquires}, one that acquires do not end. */
    private long readEpoch = 1;
    private final boolean readsSpanAcquires;

    /** A filter whose reads repeat only between two synchronization events. */
    RepeatFilter(EventRecorder next) {
        this(next, false);
    }

    RepeatFilter(EventRecorder next, boolean readsSpanAcquires) {
        this.next = next;
        this.readsSpanAcquires = readsSpanAcquires;
    }

    /** An event that may synchronize: new epochs for reads and writes. */
    private void synchronizes() {
        epoch++;
        readEpoch++;
    }

    /** An acquire that is no lock's: a new epoch for writes, and for reads unless they span acquires. */
    private void acquires() {
        epoch++;
        if (!readsSpanAcquires) {
            readEpoch++;
        }
    }

    private static int bucket(long object, int slot, int kind) {
        // the kind is hashed too: a read and a write of one location (x++) must not evict each other
        return (int) ((object * 0x9E3779B97F4A7C15L + slot * 0xC2B2AE3D27D4EB4FL + kind * 0x165667B19E3779F9L)
                >>> (64 - BITS));
    }

    private boolean repeated(long object, int slot, int kind) {
        int bucket = bucket(object, slot, kind);
        long stamp = ((kind == READ || kind == ARRAY_READ ? readEpoch : epoch) << 2) | kind;
        if (stamps[bucket] == stamp && objects[bucket] == object && slots[bucket] == slot) {
            return true;
        }
        objects[bucket] = object;
        slots[bucket] = slot;
        stamps[bucket] = stamp;
        return false;
    }

    /** The first write of the location in this epoch: the next read of it is recorded again. */
    private void forgetRead(long object, int slot, int readKind) {
        int bucket = bucket(object, slot, readKind);
        if (objects[bucket] == object && slots[bucket] == slot) {
            stamps[bucket] = 0;
        }
    }

    // ---- plain accesses: filtered ------------------------------------------------------------

    @Override
    public void read(long object, int field, int site) {
        if (!repeated(object, field, READ)) {
            next.read(object, field, site);
        }
    }

    @Override
    public void write(long object, int field, int site) {
        if (!repeated(object, field, WRITE)) {
            forgetRead(object, field, READ);
            next.write(object, field, site);
        }
    }

    @Override
    public void arrayRead(long array, int index, int site) {
        if (!repeated(array, index, ARRAY_READ)) {
            next.arrayRead(array, index, site);
        }
    }

    @Override
    public void arrayWrite(long array, int index, int site) {
        if (!repeated(array, index, ARRAY_WRITE)) {
            forgetRead(array, index, ARRAY_READ);
            next.arrayWrite(array, index, site);
        }
    }

    @Override public void arrayRangeRead(long array, int from, int length, int site) { next.arrayRangeRead(array, from, length, site); }
    @Override public void arrayRangeWrite(long array, int from, int length, int site) { synchronizes(); next.arrayRangeWrite(array, from, length, site); }

    // ---- calling context: no synchronization, no new epoch -----------------------------------

    @Override public void methodEnter(int method, int callSite) { next.methodEnter(method, callSite); }
    @Override public int methodExit() { return next.methodExit(); }

    // ---- what the ownership filter asks, to write another thread's accesses out ----------------
    // (the accesses themselves, ownedRead and ownedWrite, go past this filter: Ownership.writeOut)

    @Override public long lastSequence() { return next.lastSequence(); }
    @Override public int currentContext() { return next.currentContext(); }

    // ---- everything else synchronizes (or might): a new epoch --------------------------------

    @Override public void volatileRead(long object, int slot, int site) { acquires(); next.volatileRead(object, slot, site); }
    @Override public void volatileWrite(long object, int slot, int site) { synchronizes(); next.volatileWrite(object, slot, site); }
    @Override public long reserveSequence() { return next.reserveSequence(); }
    @Override public long orderMark() { synchronizes(); return next.orderMark(); }
    @Override public void volatileWriteReserved(long seq, long object, int slot, int site) { synchronizes(); next.volatileWriteReserved(seq, object, slot, site); }
    @Override public void lockRequest(long lock, int site, int flags) { synchronizes(); next.lockRequest(lock, site, flags); }
    @Override public void lockAcquire(long lock, int site, int flags) { synchronizes(); next.lockAcquire(lock, site, flags); }
    @Override public void lockRelease(long lock, int site, int flags) { synchronizes(); next.lockRelease(lock, site, flags); }
    @Override public void threadStart(int child, int site) { synchronizes(); next.threadStart(child, site); }
    @Override public void threadBegin() { synchronizes(); next.threadBegin(); }
    @Override public void threadEnd(int lastOwnedAccess) { synchronizes(); next.threadEnd(lastOwnedAccess); }
    @Override public void threadJoin(int child, int site) { acquires(); next.threadJoin(child, site); }
    @Override public void hbRelease(long token, int site) { synchronizes(); next.hbRelease(token, site); }
    @Override public void hbAcquire(long token, int site) { acquires(); next.hbAcquire(token, site); }

    // ---- test markers synchronize nothing, but a repeat in the next test must name that test ---

    @Override public void testStart(int test) { synchronizes(); next.testStart(test); }
    @Override public void testEnd(int test) { synchronizes(); next.testEnd(test); }
}
