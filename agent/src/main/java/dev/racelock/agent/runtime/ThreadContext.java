package dev.racelock.agent.runtime;

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
    final EventRecorder recorder;

    /**
     * The site of the invoke instruction the caller is executing: instrumented code stores it
     * before each call (one field store) and the callee's {@link Rt#enter} reads it.
     */
    public int callSite = -1;

    /** Nesting of Thread.run bodies: the thread ends when the outermost one returns. */
    int runDepth;
    boolean ended;

    /** The tasks an executor call is handing over right now (ExecutorHooks.taskCreated), or null. */
    HandOver handOver;

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
        this.thread = thread;
        this.recorder = recorder;
    }

    long newObjectId() {
        if (nextObjectId == objectIdLimit) {
            nextObjectId = ObjectIds.reserveBlock(ID_BLOCK);
            objectIdLimit = nextObjectId + ID_BLOCK;
        }
        return nextObjectId++;
    }
}
