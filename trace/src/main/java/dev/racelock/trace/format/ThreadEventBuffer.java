package dev.racelock.trace.format;

import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.LockFlags;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import static dev.racelock.trace.format.TraceFormat.COMPACT;
import static dev.racelock.trace.format.TraceFormat.COMPACT_ARRAY;
import static dev.racelock.trace.format.TraceFormat.COMPACT_SAME_OBJECT;
import static dev.racelock.trace.format.TraceFormat.COMPACT_SITE_BIAS;
import static dev.racelock.trace.format.TraceFormat.COMPACT_WRITE;
import static dev.racelock.trace.format.TraceFormat.MAX_EVENT_BYTES;
import static dev.racelock.trace.format.TraceFormat.MAX_SEGMENT_BYTES;
import static dev.racelock.trace.format.TraceFormat.MIN_SEGMENT_BYTES;

/**
 * One thread's recording buffer: the agent's hot path.
 *
 * <p>Rules (STYLE.md): no allocation except when a full buffer is swapped, the shadow stack
 * grows deeper than ever before, or a stack is seen for the first time in the whole run (the
 * context tree's insert, which also takes its lock); no other lock, no call into JDK code that
 * could be instrumented or synchronize. Used only by its owning thread. Each event is encoded
 * straight into a byte array (docs/trace-format.md, "Chunk") and made visible to the writer
 * thread by one release store; the only other shared accesses are the VarHandle getAndAdd that
 * numbers a synchronization event, two release stores around it that tell the writer a number
 * is held (its watermark, {@link #inFlightAcquire}) and the context tree's acquire loads. The slow path, taken once per full
 * segment (4 to 256 KiB of events) and by threadEnd, allocates the next segment and wakes the
 * writer with {@code LockSupport.unpark}; when the writer lags it also calls
 * {@code Thread.onSpinWait}, {@code Thread.yield} and {@code LockSupport.parkNanos}. The agent
 * must not instrument those.
 *
 * <p>Synchronization events take a global sequence number when they are called, so the caller
 * records a release-type event (lock release, volatile write, thread start, hbRelease, thread
 * end) <em>before</em> the operation takes effect, and an acquire-type event (lock acquire,
 * volatile read, thread begin, join, hbAcquire) <em>after</em> it; then every acquire that
 * observes a release has a larger sequence number than that release. A release that happens
 * only if the operation succeeds (compareAndSet) reserves its number before the operation and
 * is recorded after it, with that number, only on success ({@link #reserveSequence}).
 *
 * <p>Calling context (format 2): {@link #methodEnter}/{@link #methodExit} only push and pop this
 * thread's shadow stack of (method, call site) frames, a few array stores. When an event is
 * recorded, the stack's node in the trace's {@link CallingContextTree} is looked up for the
 * frames pushed since the last lookup (a frame popped and pushed again unchanged, a call in a
 * loop, keeps its node), and a context event is written before the event only if the node
 * differs from the one the previous event had. So a call costs no bytes unless something is
 * recorded in it, and a method that records many events in one stack costs one context event.
 *
 * <p>{@link #threadEnd()} is the last event of a buffer: later calls are ignored, and the
 * writer forgets the buffer once it has written it out. Calls after the writer was closed are
 * ignored too. When the writer falls behind (at most {@value #MAX_IN_FLIGHT} full segments
 * waiting), the owner waits for it briefly (spin, yield, then short parks); the writer never
 * waits for a recording thread, so this cannot deadlock.
 *
 * <p>Arguments mean what they mean in {@link dev.racelock.trace.EventVisitor}; the thread is
 * this buffer's.
 */
public final class ThreadEventBuffer extends DeltaState {

    /** Full segments handed to the writer and not yet written before the owner waits. */
    static final int MAX_IN_FLIGHT = 4;

    private static final VarHandle SPARE = field("spare", Segment.class);
    private static final VarHandle RECYCLED = field("recycled", int.class);
    private static final VarHandle ENDED = field("ended", boolean.class);
    private static final VarHandle IN_FLIGHT = field("inFlight", long.class);
    static final long NONE_IN_FLIGHT = Long.MAX_VALUE;

    private static VarHandle field(String name, Class<?> type) {
        return FieldHandles.find(MethodHandles.lookup(), ThreadEventBuffer.class, name, type);
    }

    final int thread;
    private final TraceWriter writer;
    private final SyncSequence sequence;
    /** The trace's calling-context tree; null when every method enter and exit is an event. */
    private final CallingContextTree contexts;

    // ---- owner thread only -------------------------------------------------------------------
    private Segment segment;
    private byte[] buf;
    private int pos;
    /** Last position where a whole event of MAX_EVENT_BYTES still fits; -1 after threadEnd. */
    private int limit;
    private int count;
    private int sealed;
    private int nextSegmentSize;
    private boolean endedByOwner;

    // ---- the shadow stack (owner thread only) --------------------------------------------------
    // Frame i is (frameMethod[i], frameSite[i]); frameNode[i + 1] is the tree node of frames
    // 0..i, valid for i < known (frameNode[0] is the root). Frames from depth up to known are
    // ones popped since their node was looked up: pushed again unchanged, they keep it.
    private int[] frameMethod = new int[16];
    private int[] frameSite = new int[16];
    private int[] frameNode = new int[17];
    /**
     * This thread's recent tree lookups, direct-mapped by a hash of (parent, method, call site):
     * entry i is (parent, method, site, node) at [4i..4i+3], node 0 when empty. A loop calling
     * a few methods in turn re-interns one frame per call; this keeps those lookups in one cache
     * line of the thread's own instead of the shared tree, which the trace's streaming evicts.
     * A tree node never changes, so an entry is never stale. It starts at 512 entries (8 KB) and
     * grows, emptied, up to 4,096 (64 KB), each time its misses since the last growth pass half
     * its entries (CallingContextTest's random stacks grow it to the top): a thread with a
     * wide working set of stacks gets room (Xalan's recursive templates: 29% of lookups missed
     * with 512 entries, 5.8% with 4,096), a short-lived one keeps the small table.
     */
    private int[] nodeCache;
    private int nodeCacheBits;
    private int nodeCacheMisses;
    private int depth;
    private int known;

    // ---- shared with the writer thread ---------------------------------------------------------
    @SuppressWarnings("unused") // SPARE: a drained segment the writer hands back for reuse
    private Segment spare;
    @SuppressWarnings("unused") // RECYCLED: full segments the writer has written, written by it only
    private int recycled;
    @SuppressWarnings("unused") // ENDED: set by the owner after its threadEnd event is committed
    private boolean ended;
    @SuppressWarnings("unused") // IN_FLIGHT: a lower bound of the number the owner holds uncommitted
    private long inFlight = NONE_IN_FLIGHT;

    // ---- writer thread only ----------------------------------------------------------------------
    Segment drainHead;
    int drainedPosition;
    int drainedCount;
    /** Its threadEnd has been written: the writer drops the buffer. */
    boolean retired;

    ThreadEventBuffer(TraceWriter writer, SyncSequence sequence, CallingContextTree contexts, int thread) {
        this.writer = writer;
        this.sequence = sequence;
        this.contexts = contexts;
        this.thread = thread;
        this.segment = new Segment(MIN_SEGMENT_BYTES);
        this.drainHead = segment;
        this.buf = segment.data;
        this.limit = buf.length - MAX_EVENT_BYTES;
        this.nextSegmentSize = Math.min(MIN_SEGMENT_BYTES * 2, MAX_SEGMENT_BYTES);
    }

    // ---- plain memory accesses --------------------------------------------------------------------

    public void read(long object, int field, int site) {
        plainAccess(COMPACT, TraceFormat.OP_READ, object, field, site);
    }

    public void write(long object, int field, int site) {
        plainAccess(COMPACT | COMPACT_WRITE, TraceFormat.OP_WRITE, object, field, site);
    }

    public void arrayRead(long array, int index, int site) {
        plainAccess(COMPACT | COMPACT_ARRAY, TraceFormat.OP_ARRAY_READ, array, index, site);
    }

    public void arrayWrite(long array, int index, int site) {
        plainAccess(COMPACT | COMPACT_ARRAY | COMPACT_WRITE, TraceFormat.OP_ARRAY_WRITE, array, index, site);
    }

    public void arrayRangeRead(long array, int from, int length, int site) {
        arrayRange(TraceFormat.OP_ARRAY_RANGE_READ, array, from, length, site);
    }

    public void arrayRangeWrite(long array, int from, int length, int site) {
        arrayRange(TraceFormat.OP_ARRAY_RANGE_WRITE, array, from, length, site);
    }

    // ---- synchronizing memory accesses ------------------------------------------------------------

    public void volatileRead(long object, int slot, int site) {
        volatileAccess(TraceFormat.OP_VOLATILE_READ, takeSequence(), object, slot, site);
    }

    public void volatileWrite(long object, int slot, int site) {
        volatileAccess(TraceFormat.OP_VOLATILE_WRITE, takeSequence(), object, slot, site);
    }

    /**
     * Takes the sequence number of the release half of an operation that may fail (a
     * compareAndSet), before the operation, without recording anything: the caller records the
     * release with {@link #volatileWriteReserved} only if the operation succeeded, so a failed
     * one releases nothing, and an acquire that observes a successful one still has the larger
     * number (docs/trace-format.md, "Sequence numbers"). A number never used leaves a gap, which
     * the reader's merge does not mind. The caller records nothing else in between.
     */
    public long reserveSequence() {
        return takeSequence();
    }

    /** A volatile write numbered by {@link #reserveSequence} before the operation it stands for. */
    public void volatileWriteReserved(long seq, long object, int slot, int site) {
        // A thread's numbers must increase in its buffer (the seq step is unsigned). Were
        // anything numbered recorded since the reservation, a fresh number keeps them in order.
        volatileAccess(TraceFormat.OP_VOLATILE_WRITE, seq > prevSeq ? seq : takeSequence(), object, slot, site);
    }

    // ---- locks ---------------------------------------------------------------------------------

    public void lockRequest(long lock, int site, int flags) {
        lockEvent(TraceFormat.OP_MONITOR_REQUEST, TraceFormat.OP_LOCK_REQUEST, takeSequence(), lock, site, flags);
    }

    public void lockAcquire(long lock, int site, int flags) {
        lockEvent(TraceFormat.OP_MONITOR_ACQUIRE, TraceFormat.OP_LOCK_ACQUIRE, takeSequence(), lock, site, flags);
    }

    public void lockRelease(long lock, int site, int flags) {
        lockEvent(TraceFormat.OP_MONITOR_RELEASE, TraceFormat.OP_LOCK_RELEASE, takeSequence(), lock, site, flags);
    }

    /**
     * A request made earlier in calling context {@code context} (a node {@link #currentContext}
     * gave then) and recorded only now, maybe deeper in the stack: it is written with that node,
     * and the thread's next event with a stack writes its own.
     */
    public void lockRequestIn(int context, long lock, int site, int flags) {
        lockEvent(TraceFormat.OP_MONITOR_REQUEST, TraceFormat.OP_LOCK_REQUEST, takeSequence(), lock, site, flags,
                context);
    }

    /** As {@link #lockRequestIn}, for an acquire. */
    public void lockAcquireIn(int context, long lock, int site, int flags) {
        lockEvent(TraceFormat.OP_MONITOR_ACQUIRE, TraceFormat.OP_LOCK_ACQUIRE, takeSequence(), lock, site, flags,
                context);
    }

    /** Whether every method enter and exit is an event of its own (stacks=calls): no tree names a stack. */
    public boolean callsAreEvents() {
        return contexts == null;
    }

    // ---- threads and hand-offs ------------------------------------------------------------------

    public void threadStart(int child, int site) {
        threadEvent(TraceFormat.OP_THREAD_START, takeSequence(), child, site);
    }

    public void threadBegin() {
        int p = syncHead(TraceFormat.OP_THREAD_BEGIN, takeSequence());
        if (p >= 0) {
            commitSync(p);
        }
    }

    /** The last event of this buffer, saying nothing of owned accesses: later calls are ignored. */
    public void threadEnd() {
        threadEnd(LastOwnedAccess.UNKNOWN);
    }

    /**
     * The last event of this buffer: later calls are ignored. {@code lastOwnedAccess}: the
     * thread's releases at its last owned access ({@link LastOwnedAccess}); UNKNOWN writes the
     * thread end of format 2.4, which says nothing of them.
     */
    public void threadEnd(int lastOwnedAccess) {
        boolean says = lastOwnedAccess != LastOwnedAccess.UNKNOWN;
        int p = syncHead(says ? TraceFormat.OP_THREAD_END_OWNED : TraceFormat.OP_THREAD_END, takeSequence());
        if (p < 0) {
            return;
        }
        if (says) {
            p = putVarInt(buf, p, lastOwnedAccess + 1);
        }
        commitSync(p);
        endedByOwner = true;
        limit = -1; // every later call takes the slow path, which drops it
        ENDED.setRelease(this, true);
        writer.requestDrain();
    }

    public void threadJoin(int child, int site) {
        threadEvent(TraceFormat.OP_THREAD_JOIN, takeSequence(), child, site);
    }

    public void hbRelease(long token, int site) {
        handOff(TraceFormat.OP_HB_RELEASE, takeSequence(), token, site);
    }

    public void hbAcquire(long token, int site) {
        handOff(TraceFormat.OP_HB_ACQUIRE, takeSequence(), token, site);
    }

    // ---- objects no second thread has touched ------------------------------------------------------

    /**
     * A numbered event that orders nothing: the plain events after it start a new run, placed by
     * the reader after every event numbered before it (EventVisitor.orderMark).
     *
     * @return its sequence number
     */
    public long orderMark() {
        long seq = takeSequence();
        int p = syncHead(TraceFormat.OP_ORDER_MARK, seq, NO_STACK);
        if (p >= 0) {
            commitSync(p);
        }
        return seq;
    }

    /** The sequence number of this thread's last numbered event, 0 before the first. */
    public long lastSequence() {
        return prevSeq;
    }

    /** An access {@code owner} made while it alone had touched the object (EventVisitor.ownedRead). */
    public void ownedRead(int owner, long object, int field, int site, int releases, int lockSet, int context) {
        ownedAccess(TraceFormat.OP_OWNED_READ, owner, object, field, site, releases, lockSet, context, -1);
    }

    /** As {@link #ownedRead}, for a write that followed a read of the same epoch at {@code readSite} (or -1). */
    public void ownedWrite(int owner, long object, int field, int site, int releases, int lockSet, int context,
                           int readSite) {
        ownedAccess(TraceFormat.OP_OWNED_WRITE, owner, object, field, site, releases, lockSet, context, readSite);
    }

    private void ownedAccess(int op, int owner, long object, int field, int site, int releases, int lockSet,
                             int context, int readSite) {
        if (pos > limit && !makeRoom()) {
            return;
        }
        byte[] b = buf;
        int p = pos;
        b[p++] = (byte) op;
        p = putVarInt(b, p, owner);
        p = putObject(b, p, object);
        p = putVarInt(b, p, TraceFormat.zigzag(field - prevField));
        prevField = field;
        p = putSite(b, p, site);
        p = putVarInt(b, p, releases);
        p = putVarInt(b, p, lockSet);
        p = putVarInt(b, p, context);
        if (op == TraceFormat.OP_OWNED_WRITE) {
            p = putVarInt(b, p, TraceFormat.zigzag(readSite));
        }
        commit(p);
    }

    // ---- test markers ----------------------------------------------------------------------------

    /**
     * This thread starts running test {@code test} (a {@code TestCaseInfo} defined before). Takes
     * a sequence number, so the reader places the marker among every thread's events.
     */
    public void testStart(int test) {
        testMarker(TraceFormat.OP_TEST_START, test);
    }

    /** This thread has finished running test {@code test}. */
    public void testEnd(int test) {
        testMarker(TraceFormat.OP_TEST_END, test);
    }

    private void testMarker(int op, int test) {
        int p = syncHead(op, takeSequence());
        if (p >= 0) {
            commitSync(putVarInt(buf, p, test));
        }
    }

    // ---- calling context ----------------------------------------------------------------------

    /** The thread entered {@code method}, called from {@code callSite} (or one of ContextInfo's callers without a site). */
    public void methodEnter(int method, int callSite) {
        int d = depth;
        if (d == frameMethod.length) {
            growFrames(d);
        }
        if (d >= known || frameMethod[d] != method || frameSite[d] != callSite) {
            frameMethod[d] = method;
            frameSite[d] = callSite;
            if (known > d) {
                known = d;
            }
        }
        depth = d + 1;
        if (contexts == null) {
            callEvent(method, callSite);
        }
    }

    /**
     * The thread left its innermost entered method, normally or by an exception.
     *
     * @return the call site that method was entered from (what the caller was calling from while
     *         the method ran), or {@link ContextInfo#UNRECORDED_CALLER} when no method was entered
     */
    public int methodExit() {
        int d = depth;
        if (contexts == null) {
            exitEvent();
        }
        if (d == 0) {
            return ContextInfo.UNRECORDED_CALLER;
        }
        depth = d - 1;
        return frameSite[d - 1];
    }

    /**
     * The thread left {@code method}, normally or by an exception: its innermost frame goes,
     * and so does every frame above it. Those are of methods that were left without saying so
     * (a constructor whose {@code this(...)} or {@code super(...)} call threw, before the
     * instrumentation's handler begins), so a stack never keeps a frame of code that has
     * returned. When no frame is of {@code method}, as {@link #methodExit()}.
     *
     * @return the call site {@code method} was entered from, as {@link #methodExit()}
     */
    public int methodExit(int method) {
        int i = innermostFrameOf(method);
        if (i < 0) {
            return methodExit();
        }
        int site = frameSite[i];
        dropFramesFrom(i);
        return site;
    }

    /**
     * The thread runs {@code method}'s code again, in a handler that caught an exception: every
     * frame above its innermost frame was left by that exception without an exit (a constructor
     * whose {@code this(...)} or {@code super(...)} call threw, before the instrumentation's
     * handler begins), and goes now, so the method's next events are not recorded inside it.
     *
     * @param callSite what the thread is calling from now, kept when no frame goes
     * @return the call site the lowest frame that went was entered from (where {@code method} was
     *         calling out when the exception came), as its exit would have given it back; else
     *         {@code callSite}
     */
    public int methodResumed(int method, int callSite) {
        int i = innermostFrameOf(method);
        if (i < 0 || i == depth - 1) {
            return callSite;
        }
        int site = frameSite[i + 1];
        dropFramesFrom(i + 1);
        return site;
    }

    /** The depth of {@code method}'s innermost frame, or -1 when it has none. */
    private int innermostFrameOf(int method) {
        int i = depth - 1;
        while (i >= 0 && frameMethod[i] != method) {
            i--;
        }
        return i;
    }

    /** Leaves the frames from depth {@code from} up (an exit event each when every call is an event). */
    private void dropFramesFrom(int from) {
        if (contexts == null) {
            for (int k = from; k < depth; k++) {
                exitEvent();
            }
        }
        depth = from;
    }

    /**
     * The calling-context node of the thread's current stack (0 for the empty stack), looked up
     * now if need be: a node a later event in this stack is recorded with. 0 when every enter
     * and exit is an event.
     */
    public int currentContext() {
        if (contexts == null) {
            return 0;
        }
        int d = depth;
        return known >= d ? frameNode[d] : internFrames(d);
    }

    /** Nodes for the frames pushed since the last lookup, from the tree. */
    private int internFrames(int d) {
        int node = frameNode[known];
        for (int i = known; i < d; i++) {
            node = child(node, frameMethod[i], frameSite[i]);
            frameNode[i + 1] = node;
        }
        known = d;
        return node;
    }

    private static final int FIRST_NODE_CACHE_BITS = 9;
    private static final int MAX_NODE_CACHE_BITS = 12;

    private int child(int parent, int method, int site) {
        int[] cache = nodeCache;
        if (cache == null) {
            nodeCacheBits = FIRST_NODE_CACHE_BITS;
            cache = nodeCache = new int[4 << FIRST_NODE_CACHE_BITS];
        }
        int h = (parent * 0x9E3779B1 + method * 0x85EBCA77 + site * 0xC2B2AE3D) * 0x27D4EB2F;
        int at = (h >>> (32 - nodeCacheBits)) << 2;
        if (cache[at] == parent && cache[at + 1] == method && cache[at + 2] == site && cache[at + 3] != 0) {
            return cache[at + 3];
        }
        if (++nodeCacheMisses > 1 << (nodeCacheBits - 1) && nodeCacheBits < MAX_NODE_CACHE_BITS) {
            nodeCacheBits++;
            nodeCacheMisses = 0;
            cache = nodeCache = new int[4 << nodeCacheBits];
            at = (h >>> (32 - nodeCacheBits)) << 2;
        }
        int node = contexts.child(parent, method, site);
        cache[at] = parent;
        cache[at + 1] = method;
        cache[at + 2] = site;
        cache[at + 3] = node;
        return node;
    }

    private void growFrames(int d) {
        frameMethod = ArrayGrowth.toFit(frameMethod, d);
        frameSite = ArrayGrowth.toFit(frameSite, d);
        frameNode = ArrayGrowth.toFit(frameNode, frameMethod.length); // one longer than the frames: [0] is the root
    }

    /**
     * Before an event, in the room already made for it: a context event when the node of
     * {@code stack} (the thread's stack now for {@link #THE_STACK}) differs from the previous event's. Not committed on its own: the event's commit publishes
     * both (the count goes up by one here).
     */
    private void syncContext(int stack) {
        if (contexts == null) {
            return;
        }
        int node = stack == THE_STACK ? currentContext() : stack;
        if (node != prevContext) {
            byte[] b = buf;
            int p = pos;
            b[p++] = TraceFormat.OP_CONTEXT;
            pos = putVarInt(b, p, TraceFormat.zigzag(node - prevContext));
            prevContext = node;
            count++;
        }
    }

    private void callEvent(int method, int callSite) {
        if (pos > limit && !makeRoom()) {
            return;
        }
        byte[] b = buf;
        int p = pos;
        b[p++] = TraceFormat.OP_METHOD_ENTER;
        p = putVarInt(b, p, TraceFormat.zigzag(method - prevMethod));
        prevMethod = method;
        commit(putSite(b, p, callSite));
    }

    private void exitEvent() {
        if (pos > limit && !makeRoom()) {
            return;
        }
        buf[pos] = TraceFormat.OP_METHOD_EXIT;
        commit(pos + 1);
    }

    // ---- encoding ------------------------------------------------------------------------------

    /**
     * Makes room for an event and writes the context event that goes before it (if the stack
     * changed); false when there is no room and the event is dropped ({@link #makeRoom}).
     */
    private boolean roomWithContext() {
        if (pos > limit && !makeRoom()) {
            return false;
        }
        syncContext(THE_STACK);
        return true;
    }

    /**
     * Field or array element ({@code slot} is the field, or the index when {@code compactOp} has
     * {@link TraceFormat#COMPACT_ARRAY}): the compact form when the site step fits in four bits.
     * Every caller passes constant opcodes, so once the JIT inlines this into it the test of
     * {@code COMPACT_ARRAY} is folded away and only the field's or the index's delta code remains.
     */
    private void plainAccess(int compactOp, int fullOp, long object, int slot, int site) {
        if (!roomWithContext()) {
            return;
        }
        int slotDelta;
        if ((compactOp & COMPACT_ARRAY) == 0) {
            slotDelta = slot - prevField;
            prevField = slot;
        } else {
            slotDelta = slot - prevIndex;
            prevIndex = slot;
        }
        byte[] b = buf;
        int p = pos;
        long objectDelta = object - prevObject;
        prevObject = object;
        int siteDelta = site - prevSite;
        prevSite = site;
        if (siteDelta >= -COMPACT_SITE_BIAS && siteDelta < COMPACT_SITE_BIAS) {
            if (objectDelta == 0) {
                b[p++] = (byte) (compactOp | COMPACT_SAME_OBJECT | (siteDelta + COMPACT_SITE_BIAS));
            } else {
                b[p++] = (byte) (compactOp | (siteDelta + COMPACT_SITE_BIAS));
                p = putVarLong(b, p, TraceFormat.zigzag(objectDelta));
            }
            p = putVarInt(b, p, TraceFormat.zigzag(slotDelta));
        } else {
            b[p++] = (byte) fullOp;
            p = putVarLong(b, p, TraceFormat.zigzag(objectDelta));
            p = putVarInt(b, p, TraceFormat.zigzag(slotDelta));
            p = putVarInt(b, p, TraceFormat.zigzag(siteDelta));
        }
        commit(p);
    }

    private void arrayRange(int op, long array, int from, int length, int site) {
        if (!roomWithContext()) {
            return;
        }
        byte[] b = buf;
        int p = pos;
        b[p++] = (byte) op;
        p = putObject(b, p, array);
        p = putVarInt(b, p, TraceFormat.zigzag(from - prevIndex));
        prevIndex = from;
        p = putVarInt(b, p, length);
        commit(putSite(b, p, site));
    }

    private void volatileAccess(int op, long seq, long object, int slot, int site) {
        int p = syncHead(op, seq, NO_STACK);
        if (p < 0) {
            return;
        }
        byte[] b = buf;
        p = putObject(b, p, object);
        p = putVarInt(b, p, TraceFormat.zigzag(slot));
        commitSync(putSite(b, p, site));
    }

    private void lockEvent(int monitorOp, int op, long seq, long lock, int site, int flags) {
        lockEvent(monitorOp, op, seq, lock, site, flags, THE_STACK);
    }

    /** {@code stack}: a calling-context node, or {@link #THE_STACK}. */
    private void lockEvent(int monitorOp, int op, long seq, long lock, int site, int flags, int stack) {
        int validFlags = flags & LockFlags.ALL;
        boolean plainMonitor = validFlags == LockFlags.MONITOR;
        int p = syncHead(plainMonitor ? monitorOp : op, seq, stack);
        if (p < 0) {
            return;
        }
        byte[] b = buf;
        p = putVarLong(b, p, TraceFormat.zigzag(lock - prevLock));
        prevLock = lock;
        p = putSite(b, p, site);
        if (!plainMonitor) {
            b[p++] = (byte) validFlags;
        }
        commitSync(p);
    }

    private void threadEvent(int op, long seq, int child, int site) {
        int p = syncHead(op, seq);
        if (p < 0) {
            return;
        }
        byte[] b = buf;
        p = putVarInt(b, p, TraceFormat.zigzag(child));
        commitSync(putSite(b, p, site));
    }

    private void handOff(int op, long seq, long token, int site) {
        int p = syncHead(op, seq, NO_STACK);
        if (p < 0) {
            return;
        }
        byte[] b = buf;
        p = putVarLong(b, p, TraceFormat.zigzag(token - prevToken));
        prevToken = token;
        commitSync(putSite(b, p, site));
    }

    /** For {@link #syncHead(int, long, int)}: an event written without its stack. */
    private static final int NO_STACK = -2;
    /** For {@link #syncHead(int, long, int)}: an event written with the thread's stack now. */
    private static final int THE_STACK = -1;

    /**
     * Makes room for a synchronization event (with the context event before it, if its stack
     * changed) and writes its opcode and sequence step.
     *
     * @return the position after them, or -1 when the event is dropped
     */
    private int syncHead(int op, long seq) {
        return syncHead(op, seq, THE_STACK);
    }

    /**
     * As {@link #syncHead(int, long)}, with {@code stack} a calling-context node, {@link #THE_STACK},
     * or {@link #NO_STACK} for an event no analysis takes a stack
     * from (a volatile access, a hand-off, an order mark): no context event before it, so the
     * stack is not looked up either; the next event that has one writes it (docs/trace-format.md,
     * "Calling contexts").
     */
    private int syncHead(int op, long seq, int stack) {
        if (pos > limit && !makeRoom()) {
            IN_FLIGHT.setRelease(this, NONE_IN_FLIGHT);
            return -1;
        }
        if (stack != NO_STACK) {
            syncContext(stack);
        }
        byte[] b = buf;
        int p = pos;
        b[p++] = (byte) op;
        p = putVarLong(b, p, seq - prevSeq);
        prevSeq = seq;
        return p;
    }

    /** The object step; every object or array operand moves the object state. */
    private int putObject(byte[] b, int p, long object) {
        p = putVarLong(b, p, TraceFormat.zigzag(object - prevObject));
        prevObject = object;
        return p;
    }

    /** The site step; every site operand moves the site state. */
    private int putSite(byte[] b, int p, int site) {
        p = putVarInt(b, p, TraceFormat.zigzag(site - prevSite));
        prevSite = site;
        return p;
    }

    /** Publishes one more whole event: the writer may now read every byte below {@code p}. */
    private void commit(int p) {
        pos = p;
        segment.publish(++count, p);
    }

    /**
     * Takes the next synchronization number, first saying that this thread holds one at least
     * {@code prevSeq + 1} that the writer may not have yet ({@link #inFlightAcquire}). The store
     * precedes the getAndAdd, so a writer that reads a later value of the sequence reads this
     * store or a later one (JLS 17.4.5: the getAndAdd is a volatile write).
     */
    private long takeSequence() {
        IN_FLIGHT.setRelease(this, prevSeq + 1);
        return sequence.take();
    }

    /** Commits a synchronization event, then says that this thread holds no number any more. */
    private void commitSync(int p) {
        commit(p);
        IN_FLIGHT.setRelease(this, NONE_IN_FLIGHT);
    }

    /**
     * For the writer's watermark: a number at or below any synchronization number this thread
     * has taken and not committed yet, or {@link #NONE_IN_FLIGHT}. Read after the sequence
     * and before the capture: a number taken before the sequence was read is either committed
     * before this returned {@link #NONE_IN_FLIGHT} (and the capture sees it) or bounded by what
     * this returns. A reservation that failed (compareAndSet) holds its bound until the
     * thread's next synchronization event: the watermark lags, it is never wrong.
     */
    long inFlightAcquire() {
        return (long) IN_FLIGHT.getAcquire(this);
    }

    static int putVarLong(byte[] b, int p, long v) {
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    /** An int as an unsigned 32-bit varint (at most 5 bytes). */
    static int putVarInt(byte[] b, int p, int v) {
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    // ---- the slow path: a full segment ------------------------------------------------------------

    /**
     * Makes room for one more event, or says to drop it (after threadEnd, or once the writer
     * has finished). Hands the full segment to the writer and continues in a recycled or new
     * one; this is the only place the recording path allocates.
     */
    private boolean makeRoom() {
        if (endedByOwner) {
            return false;
        }
        if (writer.isFinished()) {
            reuseCurrentSegment();
            return true;
        }
        waitWhileWriterLags();
        if (writer.isFinished()) {
            reuseCurrentSegment();
            return true;
        }
        Segment next = takeSpare(nextSegmentSize);
        if (next == null) {
            next = new Segment(nextSegmentSize);
        }
        nextSegmentSize = Math.min(nextSegmentSize * 2, MAX_SEGMENT_BYTES);
        segment.linkNext(next); // after the last commit: the writer sees the final position
        sealed++;
        segment = next;
        buf = next.data;
        pos = 0;
        count = 0;
        limit = buf.length - MAX_EVENT_BYTES;
        writer.requestDrain();
        return true;
    }

    /** Nobody will read this segment again (the writer is done): record over it, dropping the events. */
    private void reuseCurrentSegment() {
        pos = 0;
        count = 0;
    }

    private void waitWhileWriterLags() {
        int round = 0;
        while (sealed - (int) RECYCLED.getAcquire(this) >= MAX_IN_FLIGHT && !writer.isFinished()) {
            writer.requestDrain();
            if (round < 100) {
                Thread.onSpinWait();
            } else if (round < 200) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(100_000L);
            }
            round++;
        }
    }

    private Segment takeSpare(int minSize) {
        Segment s = (Segment) SPARE.getAndSet(this, (Segment) null);
        if (s == null || s.data.length < minSize) {
            return null;
        }
        s.reset();
        return s;
    }

    // ---- writer-thread side ------------------------------------------------------------------------

    boolean endedAcquire() {
        return (boolean) ENDED.getAcquire(this);
    }

    /** Called by the writer once a full segment is written: counts it and offers it for reuse. */
    void recycle(Segment written) {
        SPARE.compareAndSet(this, (Segment) null, written);
        RECYCLED.setRelease(this, (int) RECYCLED.get(this) + 1);
    }
}
