package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The reader's second pass: rebuilds one order of the whole trace consistent with
 * synchronization (docs/trace-format.md, "Reading order"). Among the threads, the one whose
 * pending synchronization event has the smallest sequence number goes next: that event is
 * delivered, then the plain events that follow it in its thread, up to its next
 * synchronization event. Each thread's events stay in program order; synchronization events
 * come out in sequence order.
 *
 * <p>Dictionary blocks are delivered in file order, each before the first chunk that follows
 * it in the file is decoded: the writer puts an entry before every chunk that may use it, so
 * entries always precede their first use. A freed-objects block is delivered once the merge
 * reaches the sequence number it carries. Observed deadlocks come last, after every event.
 */
final class EventMerge implements ChunkSource {

    private static final long PROGRESS_EVERY = 1_000_000;

    private final TraceIndex index;
    private final FileWindow in;
    private final EventVisitor visitor;
    private final ReadProgress progress;
    private final DictionaryDecoder dictionary = new DictionaryDecoder();
    private final byte[] frame = new byte[TraceFormat.CHUNK_FRAME_BYTES];
    private byte[] blockPayload = new byte[4096];
    private ThreadCursor[] cursors;
    private int nextDictionary;
    private int nextFreed;
    private long eventsReported;
    private long nextProgressAt = PROGRESS_EVERY;

    private final CursorHeap heap = new CursorHeap();

    EventMerge(TraceIndex index, FileWindow in, EventVisitor visitor, ReadProgress progress) {
        this.index = index;
        this.in = in;
        this.visitor = visitor;
        this.progress = progress;
    }

    TraceEnd run() throws IOException {
        visitor.header(index.header);
        int threadCount = index.threads.size();
        cursors = new ThreadCursor[threadCount];
        String damage = null;
        try {
            for (int i = 0; i < threadCount; i++) {
                ThreadCursor cursor = new ThreadCursor(index.threads.get(i), i);
                cursors[i] = cursor;
                if (cursor.advance(visitor, this)) {
                    heap.push(cursor);
                } else {
                    cursor.release();
                }
            }
            while (!heap.isEmpty()) {
                ThreadCursor next = heap.peek();
                deliverFreedUpTo(next.pendingSeq);
                heap.pop();
                next.deliverPending(visitor);
                if (next.advance(visitor, this)) {
                    heap.push(next);
                } else {
                    next.release();
                }
            }
            deliverDictionariesBefore(Long.MAX_VALUE);
            deliverFreedUpTo(Long.MAX_VALUE);
            deliverDeadlocks();
        } catch (DamagedDataException e) {
            damage = e.getMessage();
        }
        long events = 0;
        for (ThreadCursor cursor : cursors) {
            if (cursor != null) {
                events += cursor.delivered;
            }
        }
        progress.update(index.fileSize, index.fileSize, events);
        String problem = damage != null ? damage : index.problem;
        TraceEnd end = problem == null
                ? new TraceEnd(events, true, null)
                : new TraceEnd(events, false, problem + "; " + events + " events read");
        visitor.end(end);
        return end;
    }

    /**
     * Loads the cursor's next chunk, after delivering every dictionary block that precedes it
     * in the file; false when the thread has no more chunks.
     */
    @Override
    public boolean loadNextChunk(ThreadCursor cursor) {
        TraceIndex.ThreadChunks chunks = cursor.chunks;
        if (cursor.nextChunk >= chunks.size) {
            return false;
        }
        long offset = chunks.offsets[cursor.nextChunk];
        int number = chunks.chunkNumbers[cursor.nextChunk];
        cursor.nextChunk++;
        deliverDictionariesBefore(offset);
        try {
            in.read(offset, frame, 0, TraceFormat.CHUNK_FRAME_BYTES);
            ByteBuffer f = ByteBuffer.wrap(frame, 5, 8);
            int length = f.getInt();
            int events = f.getInt();
            byte[] data = cursor.prepare(length, number, offset, events);
            in.read(offset + TraceFormat.CHUNK_FRAME_BYTES, data, 0, length);
        } catch (IOException e) {
            throw new DamagedDataException("chunk " + number + " at byte " + offset + " could not be read again: " + e,
                    true);
        }
        long events = eventsSoFar(cursor);
        if (events >= nextProgressAt) {
            progress.update(bytesDone(events), index.fileSize, events);
            nextProgressAt = events + PROGRESS_EVERY;
        }
        return true;
    }

    /** Calling-context nodes defined by the dictionary blocks delivered so far, the root included. */
    @Override
    public int contextNodes() {
        return dictionary.contextNodes();
    }

    /**
     * How much of the file a progress line may call read: the share of the events the index
     * declared that have been delivered, in bytes of the file. Not a file position: the merge
     * loads a chunk of every thread it has to place, so the furthest chunk loaded is near the
     * end of the file as soon as a thread that starts late is placed (a test suite of thousands of
     * short-lived threads read "99%" from its first million events on).
     */
    private long bytesDone(long events) {
        if (index.declaredEvents <= 0) {
            return 0;
        }
        return (long) (index.fileSize * Math.min(1.0, (double) events / index.declaredEvents));
    }

    /** A running total for progress lines: exact for this cursor, possibly behind for others. */
    private long eventsSoFar(ThreadCursor cursor) {
        eventsReported += cursor.delivered - cursor.reportedDelivered;
        cursor.reportedDelivered = cursor.delivered;
        return eventsReported;
    }

    private void deliverDictionariesBefore(long offset) {
        TraceIndex.LongList dictionaries = index.dictionaryOffsets;
        while (nextDictionary < dictionaries.size && dictionaries.values[nextDictionary] < offset) {
            long blockOffset = dictionaries.values[nextDictionary++];
            readBlock(blockOffset);
            try {
                dictionary.decode(new PayloadDecoder(blockPayload, 0, blockLength), visitor);
            } catch (DamagedDataException e) {
                throw new DamagedDataException("damaged dictionary block at byte " + blockOffset + ": "
                        + e.getMessage(), true);
            }
        }
    }

    /**
     * Observed deadlocks come after every event: they describe the threads' state at the time
     * the watchdog looked, not a step of any thread.
     */
    private void deliverDeadlocks() {
        TraceIndex.LongList deadlocks = index.deadlockOffsets;
        for (int i = 0; i < deadlocks.size; i++) {
            long blockOffset = deadlocks.values[i];
            readBlock(blockOffset);
            try {
                visitor.observedDeadlock(DeadlockCodec.decode(new PayloadDecoder(blockPayload, 0, blockLength)));
            } catch (DamagedDataException e) {
                throw new DamagedDataException("damaged observed-deadlock block at byte " + blockOffset + ": "
                        + e.getMessage(), true);
            }
        }
    }

    /** Delivers freed-object batches whose sequence number the merge has reached. */
    private void deliverFreedUpTo(long seq) {
        TraceIndex.LongList offsets = index.freedOffsets;
        while (nextFreed < offsets.size && index.freedSeqs.values[nextFreed] <= seq) {
            long blockOffset = offsets.values[nextFreed++];
            deliverDictionariesBefore(blockOffset);
            readBlock(blockOffset);
            PayloadDecoder payload = new PayloadDecoder(blockPayload, 0, blockLength);
            try {
                payload.varLong();
                int count = payload.boundedInt(blockLength, "freed-object count");
                long id = 0;
                for (int i = 0; i < count; i++) {
                    id += payload.signedLong();
                    visitor.objectFreed(id);
                }
            } catch (DamagedDataException e) {
                throw new DamagedDataException("damaged freed-objects block at byte " + blockOffset + ": "
                        + e.getMessage(), true);
            }
        }
    }

    private int blockLength;

    /** Reads a block checked by the first pass into {@link #blockPayload}; returns its type. */
    private int readBlock(long offset) {
        try {
            in.read(offset, frame, 0, TraceFormat.BLOCK_FRAME_BYTES);
            ByteBuffer f = ByteBuffer.wrap(frame);
            int type = f.get() & 0xFF;
            int length = f.getInt();
            if (blockPayload.length < length) {
                blockPayload = new byte[length];
            }
            in.read(offset + TraceFormat.BLOCK_FRAME_BYTES, blockPayload, 0, length);
            blockLength = length;
            return type;
        } catch (IOException e) {
            throw new DamagedDataException("block at byte " + offset + " could not be read again: " + e, true);
        }
    }
}
