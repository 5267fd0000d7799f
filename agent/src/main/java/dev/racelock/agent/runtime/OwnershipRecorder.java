package dev.racelock.agent.runtime;

import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.LockFlags;

import java.lang.invoke.VarHandle;

/**
 * The per-thread half of the ownership filter (docs/agent.md, "Objects no second thread has
 * touched"), in front of the thread's recorder for every event but its plain accesses, which
 * go past it ({@link ThreadContext#accesses}). It keeps what an owned access needs to be
 * written out later as if it had been recorded when it happened:
 * <ul>
 *   <li>{@link #releases}: this thread's release events so far (volatile writes, hand-off
 *       releases, thread starts, outermost lock releases). The analyzer ticks a thread's own
 *       clock entry at exactly these (FastTrack, Flanagan and Freund, PLDI 2009: a release
 *       publishes the clock, then increments it), so an access's epoch there is 1 + the count;</li>
 *   <li>the locks held, reentrancy and {@code Object.wait} counted as the analyzer counts them,
 *       named as a {@link LockSets} id when an owned access needs them;</li>
 *   <li>the shadows this thread updated since its last fence. At its next numbered event (or
 *       when {@link #BATCH} have piled up) it fences and looks at each again: one that another
 *       thread took over meanwhile may have been read by it before the update was visible, so
 *       the update is written out here, in this thread's own stream, where it happened (see
 *       {@link Ownership} for why one of the two always sees it).</li>
 * </ul>
 *
 * <p>Hot path: no allocation (the lock-set lookup allocates only for a set never seen), no lock.
 */
final class OwnershipRecorder implements SynchronizationRecorder {
    static final int BATCH = 64;

    private final SynchronizationRecorder next;
    private ThreadContext context;

    /** Release events of this thread so far. */
    int releases;
    /** {@link #releases} at this thread's last owned update, LastOwnedAccess.NONE before one. */
    private int lastOwned = LastOwnedAccess.NONE;

    /**
     * The locks held, as the events that pass through this recorder say (the context keeps the
     * same for the hooks, ThreadContext#holdsNoLock; this one is applied after the event has gone
     * on, and the differential tests drive the recorder directly).
     */
    private final HeldLocks holds = new HeldLocks();
    /** node[i]: the lock-set id of holds 0..i; valid for i < interned. */
    private int[] node = new int[4];
    private int interned;

    private final ObjectShadow[] updatedShadow = new ObjectShadow[BATCH];
    private final int[] updatedField = new int[BATCH];
    private int updated;

    OwnershipRecorder(SynchronizationRecorder next) {
        this.next = next;
    }

    void attach(ThreadContext c) {
        context = c;
    }

    // ---- what owned accesses need ---------------------------------------------------------------

    /** The lock-set id of the locks held now (0: none), or -1 when it cannot be named. */
    int lockSet() {
        interned = Math.min(interned, holds.takeLowestRemoved());
        int held = holds.size;
        if (node.length < held) {
            node = java.util.Arrays.copyOf(node, holds.lock.length);
        }
        while (interned < held) {
            int parent = interned == 0 ? 0 : node[interned - 1];
            if (parent < 0) {
                return -1;
            }
            node[interned] = LockSets.child(parent, holds.lock[interned], holds.site[interned], holds.flags[interned]);
            interned++;
        }
        return held == 0 ? 0 : node[held - 1];
    }

    /**
     * The calling-context node of an owned access: the thread's current stack as a node of the
     * trace's tree (looked up now if it changed since the last lookup), 0 with {@code stacks=off}.
     */
    int callingContext() {
        return context.calls.currentContext();
    }

    /**
     * This thread wrote field {@code field} of {@code shadow}, which it owned when it looked. The
     * read and the write of {@code x++} take one entry: {@link #settle} writes out the field's
     * last read and write together, and a reference store less per update counts on this path.
     */
    void updated(ObjectShadow shadow, int field) {
        lastOwned = releases;
        int n = updated;
        if (n > 0 && updatedShadow[n - 1] == shadow && updatedField[n - 1] == field) {
            return;
        }
        if (n == BATCH) {
            settle();
            n = 0;
        }
        updatedShadow[n] = shadow;
        updatedField[n] = field;
        updated = n + 1;
    }

    /**
     * Fences, then writes out every update of a shadow that is no longer owned: its taker may
     * have read the shadow before the update was visible (Ownership, "The moment of sharing").
     */
    void settle() {
        if (updated == 0) {
            return;
        }
        VarHandle.fullFence();
        for (int i = 0; i < updated; i++) {
            ObjectShadow s = updatedShadow[i];
            updatedShadow[i] = null;
            if (s.state != ObjectShadow.OWNED) {
                Ownership.writeOut(s, updatedField[i], ObjectIds.of(s.self, -1, context), context.calls);
            }
        }
        updated = 0;
    }

    // ---- plain events: through ------------------------------------------------------------------
    // plain accesses never come here: they settle nothing and count no release, so the hooks give
    // them to the recorder behind this one (ThreadContext.accesses)

    @Override public void methodEnter(int method, int callSite) { next.methodEnter(method, callSite); }
    @Override public int methodExit() { return next.methodExit(); }
    @Override public int currentContext() { return next.currentContext(); }
    @Override public long lastSequence() { return next.lastSequence(); }
    // test markers order nothing (they only say which test a thread runs): through, unsettled
    @Override public void testStart(int test) { next.testStart(test); }
    @Override public void testEnd(int test) { next.testEnd(test); }
    // owned accesses written out (ownedRead, ownedWrite) never come here: Ownership.writeOut
    // gives them to the innermost recorder, past this one

    // ---- numbered events: settle first ----------------------------------------------------------

    @Override public long orderMark() { settle(); return next.orderMark(); }
    @Override public void volatileRead(long object, int slot, int site) { settle(); next.volatileRead(object, slot, site); }
    @Override public void volatileWrite(long object, int slot, int site) { settle(); next.volatileWrite(object, slot, site); releases++; }
    @Override public long reserveSequence() { return next.reserveSequence(); }

    @Override
    public void volatileWriteReserved(long seq, long object, int slot, int site) {
        settle();
        next.volatileWriteReserved(seq, object, slot, site);
        releases++;
    }

    @Override public void lockRequest(long lock, int site, int flags) { settle(); next.lockRequest(lock, site, flags); }

    @Override
    public void lockAcquire(long lock, int site, int flags) {
        settle();
        next.lockAcquire(lock, site, flags);
        if (!LockFlags.isOrderOnly(flags)) {
            holds.acquired(lock, site, flags);
        }
    }

    /**
     * An outermost release is one more release of the thread's clock, except an order-only hold's
     * (a monitor the JDK took inside a call, LockFlags.ORDER_ONLY): the race analyses ignore it,
     * so counting it would date the owner's accesses one release too late. It is never held at
     * an access either (acquired and released right after the call), so it is no lock-set entry.
     */
    @Override
    public void lockRelease(long lock, int site, int flags) {
        settle();
        next.lockRelease(lock, site, flags);
        if (!LockFlags.isOrderOnly(flags) && holds.released(lock, flags)) {
            releases++;
        }
    }

    @Override public void threadStart(int child, int site) { settle(); next.threadStart(child, site); releases++; }
    @Override public void threadBegin() { settle(); next.threadBegin(); }
    /** The thread's end says how late one of its owned accesses can still come (HappensBefore#threadEnd). */
    @Override public void threadEnd(int lastOwnedAccess) { settle(); next.threadEnd(Math.max(lastOwnedAccess, lastOwned)); }
    @Override public void threadJoin(int child, int site) { settle(); next.threadJoin(child, site); }
    @Override public void hbRelease(long token, int site) { settle(); next.hbRelease(token, site); releases++; }
    @Override public void hbAcquire(long token, int site) { settle(); next.hbAcquire(token, site); }
}
