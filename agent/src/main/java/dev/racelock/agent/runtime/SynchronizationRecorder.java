package dev.racelock.agent.runtime;

/**
 * One thread's events but its plain accesses ({@link AccessRecorder}): its synchronization (the
 * numbered events, at which the repeat filter starts a new epoch and the ownership filter settles
 * and counts releases), and what passes through the filters beside it: method enters and exits,
 * test markers, owned accesses written out, and what the ownership filter asks.
 * {@link ThreadContext#recorder} takes these, headed by the ownership filter when it is on; a
 * recorder that takes both halves is an {@link EventRecorder}.
 *
 * <p>Hot path rule (STYLE.md): implementations allocate nothing per event, take no lock and
 * call no JDK code that could be instrumented or synchronize.
 */
public interface SynchronizationRecorder {
    void volatileRead(long object, int slot, int site);
    void volatileWrite(long object, int slot, int site);

    /**
     * The sequence number of the release half of a read-modify-write that may fail, taken
     * before it runs; recorded by {@link #volatileWriteReserved} only if it succeeded
     * (ThreadEventBuffer.reserveSequence). 0 when nothing is numbered.
     */
    default long reserveSequence() {
        return 0;
    }

    /** The release half of a read-modify-write that succeeded, numbered by {@link #reserveSequence}. */
    default void volatileWriteReserved(long seq, long object, int slot, int site) {
        volatileWrite(object, slot, site);
    }
    void lockRequest(long lock, int site, int flags);
    void lockAcquire(long lock, int site, int flags);
    void lockRelease(long lock, int site, int flags);
    void threadStart(int child, int site);
    void threadBegin();
    /**
     * The thread's last event. {@code lastOwnedAccess}: its releases at its last access kept
     * beside an owned object (LastOwnedAccess; NONE from a caller that keeps none: the ownership
     * recorder puts in its own).
     */
    void threadEnd(int lastOwnedAccess);
    void threadJoin(int child, int site);
    void hbRelease(long token, int site);
    void hbAcquire(long token, int site);
    void methodEnter(int method, int callSite);

    /**
     * Leaves the innermost entered method.
     *
     * @return the call site it was entered from (ContextInfo's callers without a site included),
     *         {@code ContextInfo.UNRECORDED_CALLER} when nothing was entered (ThreadEventBuffer.methodExit)
     */
    int methodExit();

    /**
     * Leaves {@code method}, and every frame entered above its innermost one that was left
     * without an exit (ThreadEventBuffer#methodExit(int)); by default as {@link #methodExit()}.
     */
    default int methodExit(int method) {
        return methodExit();
    }

    /**
     * The thread runs {@code method}'s code again, in a handler that caught an exception: the
     * frames left above its innermost one without an exit go (ThreadEventBuffer#methodResumed);
     * by default none.
     *
     * @return the call site the thread goes on calling from: {@code callSite} when no frame went
     */
    default int methodResumed(int method, int callSite) {
        return callSite;
    }

    // ---- objects no second thread has touched (Ownership) ---------------------------------------

    /**
     * A numbered event that orders nothing: it only ends this thread's run of plain events, so
     * that the reader places the events after it after every event numbered before it
     * (docs/agent.md, "Objects no second thread has touched").
     *
     * @return its sequence number, 0 when nothing is numbered
     */
    default long orderMark() {
        return 0;
    }

    /** The sequence number of this thread's last numbered event (0 before the first). */
    default long lastSequence() {
        return 0;
    }

    /**
     * The calling-context node of the thread's current stack (ThreadEventBuffer.currentContext),
     * for an access kept now and written out later; 0 for the empty stack or when none is kept.
     */
    default int currentContext() {
        return 0;
    }

    /**
     * As {@link #lockRequest}, for a request made earlier in calling context {@code context} (a
     * node {@link #currentContext} gave then) and recorded only now: ElidedSections calls it on
     * the trace's own recorder, which it sits right in front of; where no context is kept, as
     * {@link #lockRequest}.
     */
    default void lockRequestIn(int context, long lock, int site, int flags) {
        lockRequest(lock, site, flags);
    }

    /** As {@link #lockRequestIn}, for an acquire. */
    default void lockAcquireIn(int context, long lock, int site, int flags) {
        lockAcquire(lock, site, flags);
    }

    /**
     * Whether every method enter and exit is an event of its own (stacks=calls): then an event
     * cannot be written with an earlier context, only before the next call or return.
     */
    default boolean callsAreEvents() {
        return true;
    }

    /**
     * A read that thread {@code owner} made earlier, while it alone had touched the object,
     * with what the analyzer needs to place it there: the owner's count of release events before
     * it, the locks it held ({@code lockSet}, a LockSetInfo id, 0 for none) and its calling
     * context (0 for none).
     */
    default void ownedRead(int owner, long object, int field, int site, int releases, int lockSet, int context) {}

    /** As {@link #ownedRead}, for a write; {@code readSite}: the owner's read of the location in the same epoch before it, or -1. */
    default void ownedWrite(int owner, long object, int field, int site, int releases, int lockSet, int context,
                            int readSite) {}

    /**
     * This thread starts running test {@code test} (a test marker, docs/trace-format.md): not on
     * the hot path, called once per test by {@link TestMarkers}. Records nothing by default.
     */
    default void testStart(int test) {}

    /** This thread has finished running test {@code test}. */
    default void testEnd(int test) {}
}
