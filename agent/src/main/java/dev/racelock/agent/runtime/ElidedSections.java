package dev.racelock.agent.runtime;

/**
 * In {@code mode=locks}, leaves out two kinds of critical section in which nothing is recorded
 * (docs/agent.md, "Sections left out"; docs/performance.md):
 * <ul>
 *   <li>one taken while the thread holds no lock (a monitor, a {@code synchronized} method, a
 *       j.u.c. lock's exclusive {@code lock()}; not a try, a timed or a shared acquisition): it is
 *       no lock-order edge's second lock (nothing is held) nor its first (nothing is taken
 *       inside); a thread blocked forever on its request holds nothing, so it is in no deadlock's
 *       cycle; and lock events order nothing there (HappensBefore without lock edges). Jetty's
 *       {@code AutoLock}s, taken on their own, were 91% of the sections of its trace;</li>
 *   <li>the section of a {@code synchronized} method that repeats one the thread wrote: the same
 *       monitor entered at the same site, while the thread holds the same locks (at least one)
 *       and has recorded no other synchronization event since ({@link RecordedHolds}, asked by
 *       {@link ThreadContext#synchronizedMethodEntered}). It gives the lock-order analysis the
 *       same edges, from the same held locks taken at the same sites, with a witness of the same
 *       thread, site and clock, which it keeps once (lock events do not move that clock); no
 *       request precedes it (the JVM locks before the method runs). Xalan's
 *       {@code DTMManagerDefault.getDTM}, called under a lock of Xalan's own, was 94% of the
 *       sections of its trace, nearly all repeats.</li>
 * </ul>
 *
 * <p>Whether a section may be left out is known at its entry, whether anything happens inside
 * only later: its request and acquire are held back ({@link #holdBackRequest}, {@link #holdBack})
 * and written just before the thread's next event, or dropped with the section's release when
 * that comes first. Written late, they take their numbers in the synchronization order then:
 * nothing of this thread came between, and no other thread can take the lock meanwhile. A call
 * or a return inside the section is no event: the held-back events keep the calling context of
 * their moment (its tree node, looked up when they are held back) and are written with it, so a
 * section whose inside only calls methods that record nothing is left out too. Where every call
 * is an event (stacks=calls), a call or return writes them first instead, in their place in the
 * stream of calls. Memory modes need every section (lock edges order accesses there): the chain
 * has this recorder only in {@code mode=locks}.
 */
final class ElidedSections implements EventRecorder {
    private final EventRecorder next;
    /** Whether the stack is a stream of call events (stacks=calls) rather than tree nodes. */
    private final boolean callsAreEvents;
    private boolean requestHeldBack;
    private boolean acquireHeldBack;
    private long lock;
    private int requestSite;
    private int requestFlags;
    private int acquireSite;
    private int acquireFlags;
    /** The calling context the held-back events were made in. */
    private int context;

    ElidedSections(EventRecorder next) {
        this.next = next;
        this.callsAreEvents = next.callsAreEvents();
    }

    /** The request of a section taken while the thread holds no lock: written only if an event comes before its release. */
    void holdBackRequest(long lock, int site, int flags) {
        writeHeldBack();
        requestHeldBack = true;
        this.lock = lock;
        requestSite = site;
        requestFlags = flags;
        context = next.currentContext();
    }

    /**
     * The acquire of a section left out if nothing happens inside: a repeated one, or one taken
     * while the thread holds no lock (after its held-back request, if it had one).
     */
    void holdBack(long lock, int site, int flags) {
        if (!requestHeldBack || acquireHeldBack || lock != this.lock) {
            writeHeldBack();
            this.lock = lock;
            context = next.currentContext();
        } // else its request's: the same call of the same method
        acquireHeldBack = true;
        acquireSite = site;
        acquireFlags = flags;
    }

    private void writeHeldBack() {
        if (requestHeldBack) {
            requestHeldBack = false;
            next.lockRequestIn(context, lock, requestSite, requestFlags);
        }
        if (acquireHeldBack) {
            acquireHeldBack = false;
            next.lockAcquireIn(context, lock, acquireSite, acquireFlags);
        }
    }

    @Override
    public void lockRelease(long lock, int site, int flags) {
        if (acquireHeldBack && lock == this.lock && flags == acquireFlags) { // not a wait's release
            requestHeldBack = false; // nothing happened inside: the whole section is left out
            acquireHeldBack = false;
            return;
        }
        writeHeldBack();
        next.lockRelease(lock, site, flags);
    }

    // ---- every other event: the held-back acquire first ---------------------------------------

    @Override public void read(long object, int field, int site) { writeHeldBack(); next.read(object, field, site); }
    @Override public void write(long object, int field, int site) { writeHeldBack(); next.write(object, field, site); }
    @Override public void arrayRead(long array, int index, int site) { writeHeldBack(); next.arrayRead(array, index, site); }
    @Override public void arrayWrite(long array, int index, int site) { writeHeldBack(); next.arrayWrite(array, index, site); }
    @Override public void arrayRangeRead(long array, int from, int length, int site) { writeHeldBack(); next.arrayRangeRead(array, from, length, site); }
    @Override public void arrayRangeWrite(long array, int from, int length, int site) { writeHeldBack(); next.arrayRangeWrite(array, from, length, site); }
    @Override public void volatileRead(long object, int slot, int site) { writeHeldBack(); next.volatileRead(object, slot, site); }
    @Override public void volatileWrite(long object, int slot, int site) { writeHeldBack(); next.volatileWrite(object, slot, site); }
    @Override public long reserveSequence() { writeHeldBack(); return next.reserveSequence(); }
    @Override public void volatileWriteReserved(long seq, long object, int slot, int site) { writeHeldBack(); next.volatileWriteReserved(seq, object, slot, site); }
    @Override public void lockRequest(long lock, int site, int flags) { writeHeldBack(); next.lockRequest(lock, site, flags); }
    @Override public void lockAcquire(long lock, int site, int flags) { writeHeldBack(); next.lockAcquire(lock, site, flags); }
    @Override public void threadStart(int child, int site) { writeHeldBack(); next.threadStart(child, site); }
    @Override public void threadBegin() { writeHeldBack(); next.threadBegin(); }
    @Override public void threadEnd(int lastOwnedAccess) { writeHeldBack(); next.threadEnd(lastOwnedAccess); }
    @Override public void threadJoin(int child, int site) { writeHeldBack(); next.threadJoin(child, site); }
    @Override public void hbRelease(long token, int site) { writeHeldBack(); next.hbRelease(token, site); }
    @Override public void hbAcquire(long token, int site) { writeHeldBack(); next.hbAcquire(token, site); }
    @Override public long orderMark() { writeHeldBack(); return next.orderMark(); }
    @Override public void testStart(int test) { writeHeldBack(); next.testStart(test); }
    @Override public void testEnd(int test) { writeHeldBack(); next.testEnd(test); }
    @Override
    public void ownedRead(int owner, long object, int field, int site, int releases, int lockSet, int context) {
        writeHeldBack();
        next.ownedRead(owner, object, field, site, releases, lockSet, context);
    }
    @Override
    public void ownedWrite(int owner, long object, int field, int site, int releases, int lockSet, int context,
                           int readSite) {
        writeHeldBack();
        next.ownedWrite(owner, object, field, site, releases, lockSet, context, readSite);
    }

    // ---- calls and returns: no events, unless every call is one ---------------------------------

    @Override public void methodEnter(int method, int callSite) { callOrReturn(); next.methodEnter(method, callSite); }
    @Override public int methodExit() { callOrReturn(); return next.methodExit(); }
    @Override public int methodExit(int method) { callOrReturn(); return next.methodExit(method); }
    @Override public int methodResumed(int method, int callSite) { callOrReturn(); return next.methodResumed(method, callSite); }

    /** Before a call or a return: where it is an event of its own, the held-back events go first, in their place. */
    private void callOrReturn() {
        if (callsAreEvents) {
            writeHeldBack();
        }
    }

    // ---- questions, not events ----------------------------------------------------------------

    @Override public long lastSequence() { return next.lastSequence(); }
    @Override public int currentContext() { return next.currentContext(); }
    @Override public boolean callsAreEvents() { return callsAreEvents; }
}
