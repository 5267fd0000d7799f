package dev.racelock.agent.runtime;

/**
 * In {@code mode=locks}, leaves out the section of a {@code synchronized} method that repeats one
 * the thread wrote: the same monitor entered at the same site, while the thread holds the same
 * locks and has recorded no other synchronization event since ({@link RecordedHolds}, asked by
 * {@link ThreadContext#synchronizedMethodEntered}), with nothing recorded inside it. Such a
 * section gives the lock-order analysis the same edges, from the same held locks taken at the
 * same sites, with a witness of the same thread, site and clock, which it keeps once (lock events
 * do not move that clock: HappensBefore without lock edges); no request precedes it (the JVM
 * locks before the method runs), so the observed-deadlock analysis loses nothing either. Xalan's
 * {@code DTMManagerDefault.getDTM}, called under a lock of Xalan's own, was 94% of the sections of
 * its {@code mode=locks} trace, nearly all repeats (docs/performance.md).
 *
 * <p>Whether the section is a repeat is known at its entry, whether anything happens inside only
 * later: the acquire is held back ({@link #holdBack}) and written just before the thread's next
 * event of any kind, or dropped with the section's release when that comes first. Written late,
 * it takes its number in the synchronization order then: nothing of this thread came between,
 * and no other thread can take the monitor meanwhile. Memory modes need every section (lock
 * edges order accesses there): the chain has this recorder only in {@code mode=locks}.
 */
final class ElidedSections implements EventRecorder {
    private final EventRecorder next;
    private boolean heldBack;
    private long lock;
    private int site;
    private int flags;

    ElidedSections(EventRecorder next) {
        this.next = next;
    }

    /** The acquire of a repeated section: written only if an event comes before its release. */
    void holdBack(long lock, int site, int flags) {
        write();
        heldBack = true;
        this.lock = lock;
        this.site = site;
        this.flags = flags;
    }

    private void write() {
        if (heldBack) {
            heldBack = false;
            next.lockAcquire(lock, site, flags);
        }
    }

    @Override
    public void lockRelease(long lock, int site, int flags) {
        if (heldBack && lock == this.lock && flags == this.flags) { // not a wait's release
            heldBack = false; // nothing happened inside: the whole section is a repeat
            return;
        }
        write();
        next.lockRelease(lock, site, flags);
    }

    // ---- every other event: the held-back acquire first ---------------------------------------

    @Override public void read(long object, int field, int site) { write(); next.read(object, field, site); }
    @Override public void write(long object, int field, int site) { write(); next.write(object, field, site); }
    @Override public void arrayRead(long array, int index, int site) { write(); next.arrayRead(array, index, site); }
    @Override public void arrayWrite(long array, int index, int site) { write(); next.arrayWrite(array, index, site); }
    @Override public void arrayRangeRead(long array, int from, int length, int site) { write(); next.arrayRangeRead(array, from, length, site); }
    @Override public void arrayRangeWrite(long array, int from, int length, int site) { write(); next.arrayRangeWrite(array, from, length, site); }
    @Override public void volatileRead(long object, int slot, int site) { write(); next.volatileRead(object, slot, site); }
    @Override public void volatileWrite(long object, int slot, int site) { write(); next.volatileWrite(object, slot, site); }
    @Override public long reserveSequence() { write(); return next.reserveSequence(); }
    @Override public void volatileWriteReserved(long seq, long object, int slot, int site) { write(); next.volatileWriteReserved(seq, object, slot, site); }
    @Override public void lockRequest(long lock, int site, int flags) { write(); next.lockRequest(lock, site, flags); }
    @Override public void lockAcquire(long lock, int site, int flags) { write(); next.lockAcquire(lock, site, flags); }
    @Override public void threadStart(int child, int site) { write(); next.threadStart(child, site); }
    @Override public void threadBegin() { write(); next.threadBegin(); }
    @Override public void threadEnd(int lastOwnedAccess) { write(); next.threadEnd(lastOwnedAccess); }
    @Override public void threadJoin(int child, int site) { write(); next.threadJoin(child, site); }
    @Override public void hbRelease(long token, int site) { write(); next.hbRelease(token, site); }
    @Override public void hbAcquire(long token, int site) { write(); next.hbAcquire(token, site); }
    @Override public void methodEnter(int method, int callSite) { write(); next.methodEnter(method, callSite); }
    @Override public int methodExit() { write(); return next.methodExit(); }
    @Override public int methodExit(int method) { write(); return next.methodExit(method); }
    @Override public int methodResumed(int method, int callSite) { write(); return next.methodResumed(method, callSite); }
    @Override public long orderMark() { write(); return next.orderMark(); }
    @Override public void testStart(int test) { write(); next.testStart(test); }
    @Override public void testEnd(int test) { write(); next.testEnd(test); }
    @Override
    public void ownedRead(int owner, long object, int field, int site, int releases, int lockSet, int context) {
        write();
        next.ownedRead(owner, object, field, site, releases, lockSet, context);
    }
    @Override
    public void ownedWrite(int owner, long object, int field, int site, int releases, int lockSet, int context,
                           int readSite) {
        write();
        next.ownedWrite(owner, object, field, site, releases, lockSet, context, readSite);
    }

    // ---- questions, not events ----------------------------------------------------------------

    @Override public long lastSequence() { return next.lastSequence(); }
    @Override public int currentContext() { return next.currentContext(); }
}
