package dev.racelock.agent.runtime;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.LockFlags;

/**
 * Per-thread recording state. Instrumented code fetches it once at method entry
 * ({@link Rt#enter}/{@link Rt#context}) into a local variable and passes it to every hook, so an
 * access costs no {@code ThreadLocal} lookup.
 *
 * <p>Owned by one thread; fields are plain because no other thread reads them.
 */
public final class ThreadContext {
    /** Object ids come from a global counter in blocks of this size, so threads never contend. */
    static final int ID_BLOCK = 4096;

    /** Dense trace thread id; -1 for a thread that records nothing. */
    final int thread;
    /** The thread this is the context of, or null (tests, the silent context): Recording's fast lookup checks it. */
    final Thread owner;
    /** Where everything but plain accesses goes: the head of the thread's chain of recorders. */
    public final SynchronizationRecorder recorder;

    /**
     * Where plain accesses go: {@link #recorder}'s chain past the ownership filter (the repeat
     * filter, or the trace buffer's recorder), which has no part in them (it settles and counts
     * only at the events {@link #recorder} takes); the whole chain when the filter is off. The
     * same recorders get the same calls in the same order, with one dispatch fewer per access.
     */
    public final AccessRecorder accesses;

    /**
     * Where method enters and exits go, and the owned accesses the ownership filter writes out:
     * the innermost recorder of {@link #recorder}'s chain (the trace buffer's), past the filters in
     * front of it, which would pass them through untouched (a call is no access and no
     * synchronization; a written-out access is past filtering). One dispatch instead of one per
     * filter on the path every instrumented method takes twice.
     */
    final EventRecorder calls;

    /**
     * The locks this thread holds by the lock events it recorded ({@link #lockAcquire},
     * {@link #lockRelease}); null in a context that records nothing, which threads may share.
     */
    private final HeldLocks held;
    /** The recorder's last sequence number right after this thread's last lock event. */
    private long sequenceAfterLockEvent;
    /** See {@link #otherSynchronization()}. */
    private long otherSynchronization;

    /** The ownership filter's per-thread state, the head of {@link #recorder}'s chain; null when the filter is off. */
    OwnershipRecorder owned;

    /**
     * The site of the invoke instruction the caller is executing: instrumented code stores it
     * before each call (one field store), the callee's {@link Rt#enter} reads it, and its
     * {@link Rt#exit} puts back the one it was entered with. With no instrumented frame calling
     * out, {@link ContextInfo#UNRECORDED_CALLER}, or {@link ContextInfo#THREAD_ENTRY} while the
     * thread's own run() is about to be entered or runs.
     */
    public int callSite = ContextInfo.UNRECORDED_CALLER;

    /** Nesting of Thread.run bodies: the thread ends when the outermost one returns. */
    int runDepth;
    boolean ended;

    /**
     * The executor model's state for the call this thread is in (runtime.juc.HandOver: the tasks
     * an executor call is handing over right now), or null. Typed {@code Object} so the core
     * recorder does not depend on the models built on it.
     */
    public Object handOver;

    /**
     * The library model's record of the JDK monitor holds this thread wrote, with the locks it
     * held and its {@link #otherSynchronization()} then (runtime.library.RecordedHolds), or null;
     * typed {@code Object} like {@link #handOver}.
     */
    public Object recordedJdkHolds;

    /**
     * Containers whose key tables this thread used last in runtime.juc.HandOffTokens, direct-mapped
     * by identity hash and held strongly (at most {@link #KEY_TABLES} per thread), and those
     * tables; typed {@code Object} like {@link #handOver}.
     */
    public static final int KEY_TABLES = 8;
    public final Object[] keyContainers = new Object[KEY_TABLES];
    public final Object[] keyTables = new Object[KEY_TABLES];

    long nextObjectId;
    long objectIdLimit;

    /**
     * Direct-mapped cache of objects looked up in the identity map, indexed by identity hash:
     * loops over a few arrays or locks skip the shared map. It holds its objects strongly, so a
     * cached object cannot be collected and its id cannot be confused with a newer object's.
     */
    static final int CACHE_SIZE = 256;
    /** The last object looked up: a loop over one array or lock costs one comparison. */
    Object lastObject;
    long lastObjectId;
    final Object[] cachedObjects = new Object[CACHE_SIZE];
    final long[] cachedIds = new long[CACHE_SIZE];

    /**
     * Ids of the monitors of instrumented objects this thread has described in the trace
     * (Rt.describeMonitor): an open-addressing set of non-zero longs, cleared when it would grow
     * past {@link #DESCRIBED_LIMIT} (a lock described twice is harmless; memory stays bounded).
     */
    private long[] describedMonitors = new long[16];
    private int describedCount;
    /** The monitor asked about last: a loop taking one lock skips the probe. */
    private long lastDescribedMonitor;
    static final int DESCRIBED_LIMIT = 1 << 14;

    /** True the first time (since the last clearing) this thread sees monitor {@code id} (never 0). */
    boolean firstSightOfMonitor(long id) {
        if (id == lastDescribedMonitor) {
            return false;
        }
        lastDescribedMonitor = id;
        return addDescribed(id);
    }

    private boolean addDescribed(long id) {
        long[] table = describedMonitors;
        int mask = table.length - 1;
        for (int i = (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & mask; ; i = (i + 1) & mask) {
            if (table[i] == id) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = id;
                if (++describedCount * 2 > table.length) {
                    rehashDescribed(table);
                }
                return true;
            }
        }
    }

    private void rehashDescribed(long[] old) {
        describedCount = 0;
        describedMonitors = new long[old.length * 2 > DESCRIBED_LIMIT ? 16 : old.length * 2];
        if (describedMonitors.length == 16) {
            return; // past the limit: start over
        }
        for (long id : old) {
            if (id != 0) {
                addDescribed(id);
            }
        }
    }

    /** Bit i: this thread has acquired the initialization of class number i (ClassInitHooks). */
    private long[] initializedClasses = new long[0];

    /** Sets bit {@code index} (none for -1); true if it was set already. Never allocates once grown. */
    boolean markInitialized(int index) {
        if (index < 0) {
            return true;
        }
        int word = index >>> 6;
        long bit = 1L << index;
        if (word >= initializedClasses.length) {
            initializedClasses = java.util.Arrays.copyOf(initializedClasses, Math.max(word + 1, 2 * initializedClasses.length));
        } else if ((initializedClasses[word] & bit) != 0) {
            return true;
        }
        initializedClasses[word] |= bit;
        return false;
    }

    ThreadContext(int thread, EventRecorder recorder) {
        this(thread, recorder, recorder, recorder);
    }

    /**
     * {@code accesses} is {@code recorder}'s chain past the ownership filter (all of it when the
     * filter is off), {@code calls} the recorder at its end.
     */
    ThreadContext(int thread, SynchronizationRecorder recorder, AccessRecorder accesses, EventRecorder calls) {
        this(thread, recorder, accesses, calls, null);
    }

    /** As above, for the running thread {@code owner}, whose {@link Recording#context()} it is. */
    ThreadContext(int thread, SynchronizationRecorder recorder, AccessRecorder accesses, EventRecorder calls,
                  Thread owner) {
        this.owner = owner;
        this.thread = thread;
        this.recorder = recorder;
        this.accesses = accesses;
        this.calls = calls;
        this.held = thread < 0 ? null : new HeldLocks();
    }

    /**
     * A {@code synchronized} method's monitor, taken at its entry (no request precedes it: the
     * JVM locks before the method runs). In {@code mode=locks}, besides a section taken holding
     * no lock ({@link #lockAcquire}), one that repeats a section this thread wrote under the locks
     * it holds now (the same monitor and site, no other synchronization since) is held back
     * ({@link ElidedSections}) and written only if an event comes before its release.
     */
    public void synchronizedMethodEntered(long lock, int site) {
        boolean repeat = false;
        if (calls instanceof ElidedSections && held != null && held.size > 0 && lock != 0) {
            long heldState = held.state();
            long run = otherSynchronization();
            RecordedHolds written = writtenSections;
            if (written == null) {
                written = writtenSections = new RecordedHolds(); // once per thread
            }
            repeat = recorder.lastSequence() != 0 && written.written(lock, site, heldState, run);
            if (!repeat) {
                written.write(lock, site, heldState, run);
            }
        }
        acquire(lock, site, LockFlags.MONITOR, repeat);
    }

    /**
     * Records that this thread asks for {@code lock} (before it may block). In {@code mode=locks},
     * asked while the thread holds no lock, an exclusive request is held back with the section it
     * begins ({@link ElidedSections}).
     */
    public void lockRequest(long lock, int site, int flags) {
        if (calls instanceof ElidedSections sections && holdsNoLock() && exclusive(flags)) {
            sections.holdBackRequest(lock, site, flags);
        } else {
            recorder.lockRequest(lock, site, flags);
        }
    }

    /** A plain exclusive acquisition: a monitor or a lock's {@code lock()}, not a try, timed, shared, wait's or order-only one. */
    private static boolean exclusive(int flags) {
        return (flags & ~LockFlags.MONITOR) == 0;
    }

    /** The sections of synchronized methods this thread wrote ({@link #synchronizedMethodEntered}), or null. */
    private RecordedHolds writtenSections;

    /**
     * Records that this thread acquired {@code lock}: every lock acquire goes through here (not
     * straight to {@link #recorder}), so that {@link #holdsNoLock} stays true to the trace.
     */
    public void lockAcquire(long lock, int site, int flags) {
        acquire(lock, site, flags, false);
    }

    /**
     * {@code repeat}: a synchronized method's section that repeats one written under the locks
     * held now. It, and an exclusive section taken holding no lock, is held back in mode=locks.
     */
    private void acquire(long lock, int site, int flags, boolean repeat) {
        noteOtherSynchronization();
        if (calls instanceof ElidedSections sections && held != null && (repeat || held.size == 0)
                && exclusive(flags)) {
            sections.holdBack(lock, site, flags); // left out if nothing happens inside
        } else {
            recorder.lockAcquire(lock, site, flags);
        }
        sequenceAfterLockEvent = recorder.lastSequence();
        if (held != null && !LockFlags.isOrderOnly(flags)) {
            held.acquired(lock, site, flags);
        }
    }

    /** Records that this thread released {@code lock}; see {@link #lockAcquire}. */
    public void lockRelease(long lock, int site, int flags) {
        noteOtherSynchronization();
        recorder.lockRelease(lock, site, flags);
        sequenceAfterLockEvent = recorder.lastSequence();
        if (held != null && !LockFlags.isOrderOnly(flags)) {
            held.released(lock, flags);
        }
    }

    private void noteOtherSynchronization() {
        long sequence = recorder.lastSequence();
        if (sequence != sequenceAfterLockEvent) {
            otherSynchronization++;
            sequenceAfterLockEvent = sequence;
        }
    }

    /**
     * A count that moves when this thread records a numbered event other than a lock event (a
     * volatile access, a hand-off, a thread start or join ...): such an event may move its
     * happens-before position, which lock events do not for the lock-order analysis
     * (HappensBefore without lock edges). Follows the trace only for a recorder that numbers its
     * events ({@link SynchronizationRecorder#lastSequence} not 0).
     */
    public long otherSynchronization() {
        noteOtherSynchronization();
        return otherSynchronization;
    }

    /**
     * The id of the set of locks held now: equal ids, the same locks taken at the same sites
     * (HeldLocks#state); 0 when none is held.
     */
    public long heldLocksState() {
        return held == null ? 0 : held.state();
    }

    /**
     * True when the analyzer, reading this thread's events so far, sees it hold no lock
     * (HeldLocks follows its rules): a lock taken now cannot be the second lock of any
     * lock-order edge. A context that records nothing holds none.
     */
    public boolean holdsNoLock() {
        return held == null || held.size == 0;
    }

    long newObjectId() {
        if (nextObjectId == objectIdLimit) {
            nextObjectId = ObjectIds.reserveBlock(ID_BLOCK);
            objectIdLimit = nextObjectId + ID_BLOCK;
        }
        return nextObjectId++;
    }
}
