package dev.racelock.trace.format;

/** Where a {@link ThreadCursor} gets its thread's next chunk: the file ({@link EventMerge}) or a stream ({@link StreamMerge}). */
interface ChunkSource {

    /**
     * Gives the cursor its thread's next chunk ({@link ThreadCursor#prepare} or
     * {@link ThreadCursor#adopt}), after delivering what must come before it.
     *
     * @return false when there is none: the thread has no more events (file), or none yet (stream)
     */
    boolean loadNextChunk(ThreadCursor cursor);

    /** Calling-context nodes defined so far, the root included: a context event may name any below. */
    int contextNodes();
}
