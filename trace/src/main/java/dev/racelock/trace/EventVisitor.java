package dev.racelock.trace;

/**
 * Receives a trace, event by event, in one order consistent with the recorded program's
 * synchronization order (docs/trace-format.md, "Reading order"): synchronization events in global
 * sequence order, plain accesses in program order within their thread, each placed before the
 * next synchronization event of its thread.
 *
 * <p>This is the one contract between the trace readers (binary and STD) and every analysis.
 * Arguments are primitives so that decoding allocates nothing per event. Every method has a
 * default so a consumer overrides only what it needs.
 *
 * <p>Two levels. A source calls the per-kind methods ({@link #read}, {@link #arrayWrite},
 * {@link #thread(ThreadInfo)}, ...), whose comments say what each kind means. The kinds of one
 * family forward by default to the family's method, which takes the kind as an argument:
 * {@link #define} (dictionary entries), {@link #access} (plain accesses, what they touch
 * in {@link AccessTarget}), {@link #volatileAccess}, {@link #handOff} and {@link #forkJoin}. A
 * consumer that treats a family's kinds alike (an analysis) overrides the family method; one that
 * tells every kind apart (a trace writer) overrides the per-kind methods. Overriding both levels
 * of one family is a mistake: a source reaches the family method only through the per-kind
 * defaults, and a consumer that hands families on (the analyzer's session) reaches the per-kind
 * overrides not at all.
 *
 * <p>Identifiers: {@code thread} is a small dense id (0, 1, 2, ...) defined by
 * {@link #thread(ThreadInfo)}; {@code object} ids are unique for the whole run and never reused
 * (0 stands for "no object": the location of a static field is (0, field)); {@code field},
 * {@code site} and {@code method} ids refer to dictionary entries delivered before their first
 * use; -1 means "unknown" for a site or method.
 *
 * <p>A memory location is the pair (object, slot): the slot is a field id for a field and the
 * element index for an array element. The pair is unambiguous because an object is either an
 * array or not.
 */
public interface EventVisitor {

    // ---- trace-level ------------------------------------------------------------------------

    /** The trace header, first of all. */
    default void header(TraceHeader header) {}

    /** The last call: how the trace ended (complete, or cut short and where). */
    default void end(TraceEnd end) {}

    // ---- dictionaries (delivered before first use) ------------------------------------------

    /** Any dictionary entry: the family of the eight methods below. */
    default void define(DictionaryEntry entry) {}

    default void thread(ThreadInfo thread) { define(thread); }

    default void method(MethodInfo method) { define(method); }

    default void site(SiteInfo site) { define(site); }

    default void field(FieldInfo field) { define(field); }

    /** What is known of an object that is used as an array or a lock: class and where it came from. */
    default void object(ObjectInfo object) { define(object); }

    /** A test of the recorded test suite, named before its first start event. */
    default void testCase(TestCaseInfo test) { define(test); }

    /** A calling-context node (format 2), defined after its parent and before its first use. */
    default void contextNode(ContextInfo node) { define(node); }

    /** A lock set that owned accesses name, delivered before the first of them. */
    default void lockSet(LockSetInfo set) { define(set); }

    // ---- plain memory accesses (not synchronization) ----------------------------------------

    /**
     * Any plain access: the family of the six methods below. {@code target} (an
     * {@link AccessTarget}) says whether {@code slot} is a field, an element index, or the first
     * of a range's {@code length} elements; {@code length} is 1 but for a range.
     */
    default void access(int thread, int target, boolean write, long object, int slot, int length, int site) {}

    /** Plain read of an instance field ({@code object != 0}) or a static field ({@code object == 0}). */
    default void read(int thread, long object, int field, int site) {
        access(thread, AccessTarget.FIELD, false, object, field, 1, site);
    }

    /** Plain write of an instance or static field. */
    default void write(int thread, long object, int field, int site) {
        access(thread, AccessTarget.FIELD, true, object, field, 1, site);
    }

    /** Plain read of one array element. */
    default void arrayRead(int thread, long array, int index, int site) {
        access(thread, AccessTarget.ELEMENT, false, array, index, 1, site);
    }

    /** Plain write of one array element. */
    default void arrayWrite(int thread, long array, int index, int site) {
        access(thread, AccessTarget.ELEMENT, true, array, index, 1, site);
    }

    /** Reads of {@code length} consecutive elements from {@code from} (e.g. System.arraycopy source). */
    default void arrayRangeRead(int thread, long array, int from, int length, int site) {
        access(thread, AccessTarget.RANGE, false, array, from, length, site);
    }

    /** Writes of {@code length} consecutive elements from {@code from} (arraycopy target, Arrays.fill). */
    default void arrayRangeWrite(int thread, long array, int from, int length, int site) {
        access(thread, AccessTarget.RANGE, true, array, from, length, site);
    }

    // ---- accesses of an object while one thread alone had touched it --------------------------

    /**
     * A read that thread {@code owner} made of field {@code field} of {@code object} while no
     * other thread had touched the object, written out by {@code thread} (a taker of the object,
     * or the owner itself) when that ended. It stands for the owner's last read of the location
     * as FastTrack remembers it (the first of its epoch): in the owner's epoch after
     * {@code releases} release events, holding {@code lockSet} (a {@link LockSetInfo} id, 0 for
     * none), in calling context {@code context} (0 for none). It comes after every earlier event
     * of the owner and before any other thread's access of the object (docs/agent.md, "Objects no
     * second thread has touched"); an analysis applies it as of then, as a FastTrack update that
     * keeps an access of the same or a later epoch it already has.
     */
    default void ownedRead(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                           int context) {}

    /**
     * As {@link #ownedRead}, for the owner's last write; {@code readSite} is the site of the
     * owner's read of the location in the same epoch before the write, or -1.
     */
    default void ownedWrite(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                            int context, int readSite) {}

    /**
     * A numbered event that orders nothing: {@code thread} only began a new run of plain events
     * there, so that they are placed after every event numbered before it.
     */
    default void orderMark(int thread) {}

    // ---- synchronizing memory accesses ------------------------------------------------------

    /** Either volatile access of location (object, slot): the family of the two methods below. */
    default void volatileAccess(int thread, boolean write, long object, int slot, int site) {}

    /**
     * A volatile or atomic read with acquire semantics (volatile field, Atomic*.get, VarHandle
     * getVolatile/getAcquire, the read half of a read-modify-write) of location (object, slot).
     */
    default void volatileRead(int thread, long object, int slot, int site) {
        volatileAccess(thread, false, object, slot, site);
    }

    /**
     * A volatile or atomic write with release semantics (volatile field, Atomic*.set, VarHandle
     * setVolatile/setRelease, the write half of a read-modify-write, which the agent records
     * before the operation so that the release precedes any acquire that observes it).
     */
    default void volatileWrite(int thread, long object, int slot, int site) {
        volatileAccess(thread, true, object, slot, site);
    }

    // ---- locks --------------------------------------------------------------------------------

    /** The thread is about to block acquiring {@code lock} (recorded before the acquire). */
    default void lockRequest(int thread, long lock, int site, int flags) {}

    /** The thread now holds {@code lock}. {@code flags}: see {@link LockFlags}. */
    default void lockAcquire(int thread, long lock, int site, int flags) {}

    /** The thread is releasing {@code lock} (recorded before the release takes effect). */
    default void lockRelease(int thread, long lock, int site, int flags) {}

    // ---- threads and library hand-offs ------------------------------------------------------

    /**
     * A start ({@code join} false) or a join of {@code child} by {@code thread}, the two events
     * that order one thread's events against another's whole life: the family of
     * {@link #threadStart} and {@link #threadJoin}.
     */
    default void forkJoin(int thread, boolean join, int child, int site) {}

    /** {@code thread} starts {@code child} (Thread.start; recorded before the child can run). */
    default void threadStart(int thread, int child, int site) {
        forkJoin(thread, false, child, site);
    }

    /** First event of a thread. */
    default void threadBegin(int thread) {}

    /** Last event of a thread, saying nothing of its owned accesses ({@link LastOwnedAccess#UNKNOWN}). */
    default void threadEnd(int thread) {}

    /**
     * Last event of a thread, with how many releases it had made at its last owned access
     * ({@link LastOwnedAccess}: a count, {@code NONE} or {@code UNKNOWN}). The binary reader
     * delivers every thread end here. A visitor that does not care overrides the one-argument
     * form only; one that passes events on overrides both, the one-argument form as {@code UNKNOWN}.
     */
    default void threadEnd(int thread, int lastOwnedAccess) {
        threadEnd(thread);
    }

    /** {@code thread} observed the termination of {@code child} (join returned, isAlive false). */
    default void threadJoin(int thread, int child, int site) {
        forkJoin(thread, true, child, site);
    }

    /** A release or an acquire of a hand-off token: the family of the two methods below. */
    default void handOff(int thread, boolean release, long token, int site) {}

    /** Release on a hand-off token: everything before it happens-before an acquire of the token. */
    default void hbRelease(int thread, long token, int site) {
        handOff(thread, true, token, site);
    }

    /** Acquire of a hand-off token released earlier (executor, future, queue, latch, class init, ...). */
    default void hbAcquire(int thread, long token, int site) {
        handOff(thread, false, token, site);
    }

    // ---- calling context --------------------------------------------------------------------
    // A source gives the calling context one of two ways, which a consumer must both follow:
    // format 1 and STD traces an event per method enter and exit; format 2 a context event
    // before each event whose stack differs from the thread's previous event's (the calls in
    // between, which recorded nothing, are not delivered). ContextPaths turns one into the other.

    /** {@code thread} entered {@code method}, called from {@code callSite} (-1 when not known). */
    default void methodEnter(int thread, int method, int callSite) {}

    /** {@code thread} left its innermost entered method, normally or by an exception. */
    default void methodExit(int thread) {}

    /**
     * {@code thread}'s stack is now the path from the root to {@code node} ({@link ContextInfo},
     * 0 = empty), for its following events, until its next context or method enter/exit event.
     */
    default void context(int thread, int node) {}

    // ---- test markers ----------------------------------------------------------------------

    /**
     * {@code thread} starts running {@code test} (a test or a container's set-up). Not a
     * synchronization: it orders nothing, and it is placed among the other threads' events by
     * its sequence number, like a synchronization event, so "during the test" means between the
     * start and the end in that order.
     */
    default void testStart(int thread, int test) {}

    /** {@code thread} has finished running {@code test}. */
    default void testEnd(int thread, int test) {}

    // ---- object lifetime and the watchdog ---------------------------------------------------

    /** The object was garbage collected; its id is never used again. Its shadow state may go. */
    default void objectFreed(long object) {}

    /** The agent's watchdog saw threads blocked in a cycle. */
    default void observedDeadlock(ObservedDeadlock deadlock) {}
}
