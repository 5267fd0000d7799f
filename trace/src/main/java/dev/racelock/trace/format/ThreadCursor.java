package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.LockFlags;

import static dev.racelock.trace.format.TraceFormat.COMPACT;
import static dev.racelock.trace.format.TraceFormat.COMPACT_ARRAY;
import static dev.racelock.trace.format.TraceFormat.COMPACT_SAME_OBJECT;
import static dev.racelock.trace.format.TraceFormat.COMPACT_SITE_BIAS;
import static dev.racelock.trace.format.TraceFormat.COMPACT_WRITE;
import static dev.racelock.trace.format.TraceFormat.MAX_EVENT_BYTES;

/**
 * One thread's events, decoded a chunk at a time. Delivers plain events as it meets them and
 * stops at each synchronization event, which it holds as "pending" until the merge decides it
 * is that event's turn (docs/trace-format.md, "Reading order").
 *
 * <p>The decode loop is the reader's hot path: one byte array, a switch on the opcode, no
 * allocation per event. The chunk is followed by {@link TraceFormat#MAX_EVENT_BYTES} zero bytes,
 * so an event that runs past the chunk's end reads zeros (which end every varint) instead of
 * needing a bounds check per byte; the overrun is caught after the event.
 */
final class ThreadCursor extends DeltaState {

    final int thread;
    /** Where the thread's chunks are in the file; null for a stream. */
    final TraceIndex.ThreadChunks chunks;
    /** Position among the merge's threads: breaks ties in a damaged file deterministically. */
    final int order;
    int nextChunk;

    byte[] data = new byte[0];
    int pos;
    int end;
    int chunkNumber = -1;
    long chunkOffset;
    int chunkEvents;
    int decodedInChunk;
    long delivered;
    /** Of {@link #delivered}, how many the merge has counted for progress. */
    long reportedDelivered;

    // the pending synchronization event
    boolean pending;
    long pendingSeq;
    private int pendingOp;
    private long pendingTarget;
    private int pendingSlot;
    private int pendingSite;
    private int pendingFlags;

    ThreadCursor(TraceIndex.ThreadChunks chunks, int order) {
        this.thread = chunks.thread;
        this.chunks = chunks;
        this.order = order;
    }

    /** A cursor over a stream, whose chunks are handed to it as they arrive ({@link #adopt}). */
    ThreadCursor(int thread, int order) {
        this.thread = thread;
        this.chunks = null;
        this.order = order;
    }

    /** Makes room for a chunk of {@code length} bytes plus the zero padding. */
    byte[] prepare(int length, int number, long offset, int events) {
        int needed = length + MAX_EVENT_BYTES;
        if (data.length < needed) {
            data = new byte[Math.max(needed, Math.min(TraceFormat.MAX_PAYLOAD + MAX_EVENT_BYTES, data.length * 2))];
        }
        java.util.Arrays.fill(data, length, needed, (byte) 0);
        adopt(data, length, number, offset, events);
        return data;
    }

    /**
     * Decodes {@code data} next, a chunk of {@code length} bytes followed by at least
     * {@link TraceFormat#MAX_EVENT_BYTES} zero bytes (a stream's chunk, read into its own array).
     */
    void adopt(byte[] data, int length, int number, long offset, int events) {
        this.data = data;
        pos = 0;
        end = length;
        chunkNumber = number;
        chunkOffset = offset;
        chunkEvents = events;
        decodedInChunk = 0;
    }

    /** Gives back the chunk buffer once this thread has nothing left to decode. */
    void release() {
        data = new byte[0];
        pos = 0;
        end = 0;
    }

    /**
     * Delivers plain events up to this thread's next synchronization event, which becomes
     * pending; returns false when the thread has no more events.
     */
    boolean advance(EventVisitor v, ChunkSource merge) {
        try {
            return decode(v, merge);
        } catch (DamagedDataException e) {
            if (e.located()) {
                throw e;
            }
            throw new DamagedDataException("damaged chunk " + chunkNumber + " at byte " + chunkOffset + ": "
                    + e.getMessage(), true);
        }
    }

    private boolean decode(EventVisitor v, ChunkSource merge) {
        final int t = thread;
        while (true) {
            if (pos >= end) {
                if (decodedInChunk != chunkEvents) {
                    throw new DamagedDataException("declares " + chunkEvents + " events but holds " + decodedInChunk);
                }
                if (!merge.loadNextChunk(this)) {
                    return false;
                }
                continue;
            }
            int op = data[pos++] & 0xFF;
            decodedInChunk++;
            if (op >= COMPACT) {
                long object = prevObject;
                if ((op & COMPACT_SAME_OBJECT) == 0) {
                    object += TraceFormat.unzigzag(varLong());
                    prevObject = object;
                }
                int site = prevSite + (op & 0x0F) - COMPACT_SITE_BIAS;
                prevSite = site;
                int slotDelta = signedVarInt();
                if ((op & COMPACT_ARRAY) == 0) {
                    int field = prevField + slotDelta;
                    prevField = field;
                    deliverField(v, t, (op & COMPACT_WRITE) != 0, object, field, site);
                } else {
                    int index = prevIndex + slotDelta;
                    prevIndex = index;
                    deliverElement(v, t, (op & COMPACT_WRITE) != 0, object, index, site);
                }
                delivered++;
            } else {
                switch (op) {
                    case TraceFormat.OP_READ, TraceFormat.OP_WRITE -> {
                        // Operands in the order written: object, field, site (arguments are
                        // evaluated left to right, JLS 15.7.4).
                        deliverField(v, t, op == TraceFormat.OP_WRITE, object(), field(), site());
                        delivered++;
                    }
                    case TraceFormat.OP_ARRAY_READ, TraceFormat.OP_ARRAY_WRITE -> {
                        deliverElement(v, t, op == TraceFormat.OP_ARRAY_WRITE, object(), index(), site());
                        delivered++;
                    }
                    case TraceFormat.OP_ARRAY_RANGE_READ, TraceFormat.OP_ARRAY_RANGE_WRITE -> {
                        long array = object();
                        int from = index();
                        int length = varInt();
                        int site = site();
                        if (op == TraceFormat.OP_ARRAY_RANGE_READ) {
                            v.arrayRangeRead(t, array, from, length, site);
                        } else {
                            v.arrayRangeWrite(t, array, from, length, site);
                        }
                        delivered++;
                    }
                    case TraceFormat.OP_METHOD_ENTER -> {
                        int method = prevMethod + signedVarInt();
                        prevMethod = method;
                        int callSite = site();
                        v.methodEnter(t, method, callSite);
                        delivered++;
                    }
                    case TraceFormat.OP_METHOD_EXIT -> {
                        v.methodExit(t);
                        delivered++;
                    }
                    case TraceFormat.OP_CONTEXT -> {
                        int node = prevContext + signedVarInt();
                        if (node < 0 || node >= merge.contextNodes()) {
                            throw new DamagedDataException("context event names undefined calling-context node " + node);
                        }
                        prevContext = node;
                        v.context(t, node);
                        delivered++;
                    }
                    case TraceFormat.OP_VOLATILE_READ, TraceFormat.OP_VOLATILE_WRITE -> {
                        takeSeq(op);
                        pendingTarget = object();
                        pendingSlot = signedVarInt();
                        pendingSite = site();
                        return checkedPending();
                    }
                    case TraceFormat.OP_LOCK_REQUEST, TraceFormat.OP_LOCK_ACQUIRE, TraceFormat.OP_LOCK_RELEASE,
                         TraceFormat.OP_MONITOR_REQUEST, TraceFormat.OP_MONITOR_ACQUIRE, TraceFormat.OP_MONITOR_RELEASE -> {
                        takeSeq(op);
                        pendingTarget = prevLock + TraceFormat.unzigzag(varLong());
                        prevLock = pendingTarget;
                        pendingSite = site();
                        if (op >= TraceFormat.OP_MONITOR_REQUEST) {
                            pendingFlags = LockFlags.MONITOR;
                        } else {
                            pendingFlags = data[pos++] & 0xFF;
                            if ((pendingFlags & ~LockFlags.ALL) != 0) {
                                throw new DamagedDataException("undefined lock flags " + pendingFlags);
                            }
                        }
                        return checkedPending();
                    }
                    case TraceFormat.OP_THREAD_START, TraceFormat.OP_THREAD_JOIN -> {
                        takeSeq(op);
                        pendingSlot = signedVarInt();
                        pendingSite = site();
                        return checkedPending();
                    }
                    case TraceFormat.OP_THREAD_BEGIN, TraceFormat.OP_THREAD_END -> {
                        takeSeq(op);
                        return checkedPending();
                    }
                    case TraceFormat.OP_HB_RELEASE, TraceFormat.OP_HB_ACQUIRE -> {
                        takeSeq(op);
                        pendingTarget = prevToken + TraceFormat.unzigzag(varLong());
                        prevToken = pendingTarget;
                        pendingSite = site();
                        return checkedPending();
                    }
                    case TraceFormat.OP_TEST_START, TraceFormat.OP_TEST_END -> {
                        takeSeq(op);
                        pendingSlot = varInt();
                        return checkedPending();
                    }
                    case TraceFormat.OP_ORDER_MARK -> {
                        takeSeq(op);
                        return checkedPending();
                    }
                    case TraceFormat.OP_THREAD_END_OWNED -> {
                        takeSeq(op);
                        pendingSlot = varInt() - 1; // the releases count, LastOwnedAccess.NONE for 0
                        return checkedPending();
                    }
                    case TraceFormat.OP_OWNED_READ, TraceFormat.OP_OWNED_WRITE -> {
                        int owner = varInt();
                        long object = object();
                        int field = field();
                        int site = site();
                        int releases = varInt();
                        int lockSet = varInt();
                        int context = varInt();
                        if (op == TraceFormat.OP_OWNED_READ) {
                            v.ownedRead(t, owner, object, field, site, releases, lockSet, context);
                        } else {
                            v.ownedWrite(t, owner, object, field, site, releases, lockSet, context,
                                    signedVarInt());
                        }
                        delivered++;
                    }
                    default -> throw new DamagedDataException(String.format("unknown opcode 0x%02x at payload byte %d",
                            op, pos - 1));
                }
            }
            if (pos > end) {
                throw new DamagedDataException("last event runs past the end of the chunk");
            }
        }
    }

    // A field or element access reaches the visitor from the compact and the full form through
    // these: static, small and on primitives, so the JIT inlines them into the decode loop, which
    // then branches and calls the visitor as it did with the calls written out in each case.

    private static void deliverField(EventVisitor v, int t, boolean write, long object, int field, int site) {
        if (write) {
            v.write(t, object, field, site);
        } else {
            v.read(t, object, field, site);
        }
    }

    private static void deliverElement(EventVisitor v, int t, boolean write, long array, int index, int site) {
        if (write) {
            v.arrayWrite(t, array, index, site);
        } else {
            v.arrayRead(t, array, index, site);
        }
    }

    private void takeSeq(int op) {
        pendingOp = op;
        pendingSeq = prevSeq + varLong();
        prevSeq = pendingSeq;
    }

    // The delta-coded operands (docs/trace-format.md, "Delta state"): each is stored as the zigzag
    // difference from the same operand of this thread's previous event that had one.

    private long object() {
        return prevObject += TraceFormat.unzigzag(varLong());
    }

    private int field() {
        return prevField += signedVarInt();
    }

    private int index() {
        return prevIndex += signedVarInt();
    }

    private int site() {
        return prevSite += signedVarInt();
    }

    private boolean checkedPending() {
        if (pos > end) {
            throw new DamagedDataException("last event runs past the end of the chunk");
        }
        pending = true;
        return true;
    }

    /** Delivers the pending synchronization event. */
    void deliverPending(EventVisitor v) {
        pending = false;
        delivered++;
        int t = thread;
        switch (pendingOp) {
            case TraceFormat.OP_VOLATILE_READ -> v.volatileRead(t, pendingTarget, pendingSlot, pendingSite);
            case TraceFormat.OP_VOLATILE_WRITE -> v.volatileWrite(t, pendingTarget, pendingSlot, pendingSite);
            case TraceFormat.OP_LOCK_REQUEST, TraceFormat.OP_MONITOR_REQUEST ->
                    v.lockRequest(t, pendingTarget, pendingSite, pendingFlags);
            case TraceFormat.OP_LOCK_ACQUIRE, TraceFormat.OP_MONITOR_ACQUIRE ->
                    v.lockAcquire(t, pendingTarget, pendingSite, pendingFlags);
            case TraceFormat.OP_LOCK_RELEASE, TraceFormat.OP_MONITOR_RELEASE ->
                    v.lockRelease(t, pendingTarget, pendingSite, pendingFlags);
            case TraceFormat.OP_THREAD_START -> v.threadStart(t, pendingSlot, pendingSite);
            case TraceFormat.OP_THREAD_JOIN -> v.threadJoin(t, pendingSlot, pendingSite);
            case TraceFormat.OP_THREAD_BEGIN -> v.threadBegin(t);
            case TraceFormat.OP_THREAD_END -> v.threadEnd(t, LastOwnedAccess.UNKNOWN);
            case TraceFormat.OP_THREAD_END_OWNED -> v.threadEnd(t, pendingSlot);
            case TraceFormat.OP_HB_RELEASE -> v.hbRelease(t, pendingTarget, pendingSite);
            case TraceFormat.OP_HB_ACQUIRE -> v.hbAcquire(t, pendingTarget, pendingSite);
            case TraceFormat.OP_ORDER_MARK -> v.orderMark(t);
            case TraceFormat.OP_TEST_START -> v.testStart(t, pendingSlot);
            case TraceFormat.OP_TEST_END -> v.testEnd(t, pendingSlot);
            default -> throw new IllegalStateException("not a synchronization opcode: " + pendingOp);
        }
    }

    /** An int operand written zigzag-coded (TraceFormat.zigzag): a step, or a value that may be negative. */
    private int signedVarInt() {
        return TraceFormat.unzigzag(varInt());
    }

    /** Up to 10 bytes. */
    private long varLong() {
        return varint(70);
    }

    /** Up to 5 bytes, as an unsigned 32-bit value. */
    private int varInt() {
        return (int) varint(35);
    }

    /**
     * A varint of at most {@code shiftLimit / 7} bytes; the zero padding after the chunk ends any
     * varint that runs over. Of an int's fifth byte only the low four bits land below bit 32, and
     * {@link #varInt}'s cast keeps just those: the unsigned 32-bit value. Private and always called
     * with a constant limit, so the JIT inlines it into each caller with a loop of fixed length.
     */
    private long varint(int shiftLimit) {
        byte[] b = data;
        int p = pos;
        long v = b[p++];
        if (v >= 0) {
            pos = p;
            return v;
        }
        v &= 0x7F;
        for (int shift = 7; shift < shiftLimit; shift += 7) {
            long x = b[p++];
            v |= (x & 0x7F) << shift;
            if (x >= 0) {
                break;
            }
        }
        pos = p;
        return v;
    }
}
