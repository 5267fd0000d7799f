package dev.racelock.trace.format;

import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.TraceHeader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the first pass over a trace learned: the header, where each thread's chunks are, where
 * the dictionary, deadlock and freed-object blocks are, and how the file ended. Memory: 12 bytes
 * per chunk and 8 per other block (16 per freed-object block); no events are kept.
 */
final class TraceIndex {

    /** One thread's chunks in file order (= program order): offsets and chunk numbers. */
    static final class ThreadChunks {
        final int thread;
        long[] offsets = new long[4];
        int[] chunkNumbers = new int[4];
        int size;

        ThreadChunks(int thread) {
            this.thread = thread;
        }

        void add(long offset, int chunkNumber) {
            offsets = ArrayGrowth.toFit(offsets, size);
            chunkNumbers = ArrayGrowth.toFit(chunkNumbers, size);
            offsets[size] = offset;
            chunkNumbers[size] = chunkNumber;
            size++;
        }
    }

    final TraceHeader header;
    final long fileSize;
    /** Threads in the order of their first chunk. */
    final List<ThreadChunks> threads = new ArrayList<>();
    private final Map<Integer, ThreadChunks> byId = new HashMap<>();
    /** Dictionary blocks, in file order. */
    final LongList dictionaryOffsets = new LongList();
    /** Observed-deadlock blocks, in file order: delivered after every event. */
    final LongList deadlockOffsets = new LongList();
    final LongList freedOffsets = new LongList();
    final LongList freedSeqs = new LongList();
    /** Events the validated chunks declare. */
    long declaredEvents;
    /** The file ended with its end block. */
    boolean complete;
    /** Where reading must stop and why, without the events count; null when complete. */
    String problem;

    TraceIndex(TraceHeader header, long fileSize) {
        this.header = header;
        this.fileSize = fileSize;
    }

    /** @return false when the chunk would exceed the bound on distinct threads */
    boolean addChunk(int thread, long offset, int chunkNumber) {
        ThreadChunks chunks = byId.get(thread);
        if (chunks == null) {
            if (threads.size() >= TraceFormat.MAX_THREADS) {
                return false;
            }
            chunks = new ThreadChunks(thread);
            byId.put(thread, chunks);
            threads.add(chunks);
        }
        chunks.add(offset, chunkNumber);
        return true;
    }

    /** A growable long array. */
    static final class LongList {
        long[] values = new long[16];
        int size;

        void add(long v) {
            values = ArrayGrowth.toFit(values, size);
            values[size++] = v;
        }
    }
}
