package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ObservedDeadlock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge of a trace read as a stream ({@link TraceStreamReader}): chunks queue per thread as
 * they arrive, and at each watermark the merge delivers, in sequence order, every
 * synchronization event numbered below it, each followed by its thread's plain events as far as
 * they have arrived. A thread whose data runs out waits (its next events are numbered at or
 * above the watermark, or are plain events, which follow its last delivered synchronization
 * event whenever they come); its new data is taken up at the next watermark, in the order
 * threads first appeared. The order is therefore one consistent with synchronization, and it
 * depends only on the bytes of the stream, not on when they arrived.
 *
 * <p>Memory: the chunks between two watermarks, one decoded chunk per thread, the dictionary's
 * string pool.
 */
final class StreamMerge implements ChunkSource {

    /** One chunk as read from the stream, padded for the cursor (ThreadCursor.adopt). */
    private record QueuedChunk(byte[] data, int length, int number, long offset, int events) {}

    private static final class ThreadStream {
        final ThreadCursor cursor;
        final ArrayDeque<QueuedChunk> queue = new ArrayDeque<>();
        /** Not in the heap: it has no pending synchronization event (its data ran out). */
        boolean waiting = true;

        ThreadStream(ThreadCursor cursor) {
            this.cursor = cursor;
        }
    }

    private final EventVisitor visitor;
    private final DictionaryDecoder dictionary = new DictionaryDecoder();
    private final Map<Integer, ThreadStream> byThread = new HashMap<>();
    private final List<ThreadStream> threads = new ArrayList<>();
    private final CursorHeap heap = new CursorHeap();
    private final ArrayDeque<FreedBlock> freed = new ArrayDeque<>();
    private final List<ObservedDeadlock> deadlocks = new ArrayList<>();
    /** The number of the last synchronization event delivered. */
    private long lastDelivered;

    StreamMerge(EventVisitor visitor) {
        this.visitor = visitor;
    }

    /** @return false when the chunk would exceed the bound on distinct threads */
    boolean addChunk(int thread, byte[] data, int length, int number, long offset, int events) {
        ThreadStream ts = byThread.get(thread);
        if (ts == null) {
            if (threads.size() >= TraceFormat.MAX_THREADS) {
                return false;
            }
            ts = new ThreadStream(new ThreadCursor(thread, threads.size()));
            byThread.put(thread, ts);
            threads.add(ts);
        }
        ts.queue.add(new QueuedChunk(data, length, number, offset, events));
        return true;
    }

    /** A dictionary block's entries go to the visitor at once: before any chunk read after it. */
    void dictionary(byte[] payload, int length) {
        dictionary.decode(new PayloadDecoder(payload, 0, length), visitor);
    }

    /** One freed-objects block, its payload copied, delivered once the merge reaches its number. */
    private record FreedBlock(long seq, byte[] payload, long offset) {}

    /** A freed-objects block read at byte {@code offset}. */
    void freed(byte[] payload, long offset) {
        freed.add(new FreedBlock(new PayloadDecoder(payload, 0, payload.length).varLong(), payload, offset));
    }

    void deadlock(ObservedDeadlock deadlock) {
        deadlocks.add(deadlock);
    }

    /**
     * Delivers every synchronization event numbered below {@code watermark}, after taking up the
     * new data of every waiting thread; all events below it have been read (TraceWriter writes the
     * watermark only then).
     */
    void mergeUpTo(long watermark) {
        for (ThreadStream ts : threads) {
            if (ts.waiting && !ts.queue.isEmpty()) {
                resume(ts);
            }
        }
        while (!heap.isEmpty() && heap.peek().pendingSeq < watermark) {
            ThreadCursor next = heap.pop();
            deliverFreedUpTo(next.pendingSeq);
            lastDelivered = next.pendingSeq;
            next.deliverPending(visitor);
            ThreadStream ts = byThread.get(next.thread);
            if (next.advance(visitor, this)) {
                heap.push(next);
            } else {
                ts.waiting = true;
            }
        }
    }

    private void resume(ThreadStream ts) {
        ThreadCursor cursor = ts.cursor;
        if (cursor.advance(visitor, this)) {
            if (cursor.pendingSeq < lastDelivered) {
                throw new DamagedDataException("synchronization event " + cursor.pendingSeq + " of thread "
                        + cursor.thread + " came after event " + lastDelivered + " was delivered: a watermark"
                        + " was wrong", true);
            }
            ts.waiting = false;
            heap.push(cursor);
        }
    }

    /** The stream has ended (or stopped at damage): everything read is delivered, then the deadlocks. */
    void finish() {
        mergeUpTo(Long.MAX_VALUE);
        deliverFreedUpTo(Long.MAX_VALUE);
        for (ObservedDeadlock d : deadlocks) {
            visitor.observedDeadlock(d);
        }
    }

    /** Events delivered so far. */
    long delivered() {
        long events = 0;
        for (ThreadStream ts : threads) {
            events += ts.cursor.delivered;
        }
        return events;
    }

    private void deliverFreedUpTo(long seq) {
        while (!freed.isEmpty() && freed.peek().seq() <= seq) {
            FreedBlock block = freed.poll();
            PayloadDecoder in = new PayloadDecoder(block.payload(), 0, block.payload().length);
            try {
                in.varLong();
                int count = in.boundedInt(block.payload().length, "freed-object count");
                long id = 0;
                for (int i = 0; i < count; i++) {
                    id += in.signedLong();
                    visitor.objectFreed(id);
                }
            } catch (DamagedDataException e) {
                throw new DamagedDataException("damaged freed-objects block at byte " + block.offset() + ": "
                        + e.getMessage(), true);
            }
        }
    }

    // ---- ChunkSource ------------------------------------------------------------------------------

    @Override
    public boolean loadNextChunk(ThreadCursor cursor) {
        QueuedChunk c = byThread.get(cursor.thread).queue.poll();
        if (c == null) {
            return false;
        }
        cursor.adopt(c.data(), c.length(), c.number(), c.offset(), c.events());
        return true;
    }

    @Override
    public int contextNodes() {
        return dictionary.contextNodes();
    }
}
