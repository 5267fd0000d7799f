package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a binary trace file (format 1 or 2) and delivers it to a visitor in one order consistent
 * with synchronization, in memory that does not grow with the trace's length.
 *
 * <p>Two passes (docs/trace-format.md, "Reading"): the first checks every frame and checksum
 * and indexes where each thread's chunks are (12 bytes per chunk); the second merges the
 * threads' streams, decoding one chunk per thread at a time. Watermark blocks (2.2) are for
 * {@link TraceStreamReader}; a file is merged without them, so its order does not depend on
 * when the writer drained.
 */
public final class TraceReader {

    private TraceReader() {}

    /**
     * Reads {@code file} into {@code visitor}.
     *
     * @return how reading ended; damage after a readable beginning is reported here, not thrown
     * @throws TraceFormatException the file is empty, not a trace, of a newer version, or unreadable
     *                              from its start
     * @throws IOException          the file cannot be opened or read at all
     */
    public static TraceEnd read(Path file, EventVisitor visitor) throws IOException {
        return read(file, visitor, ReadProgress.NONE);
    }

    /** As {@link #read(Path, EventVisitor)}, telling {@code progress} how far it got every million events. */
    public static TraceEnd read(Path file, EventVisitor visitor, ReadProgress progress) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileWindow in = new FileWindow(channel);
            TraceIndex index = TraceScanner.scan(file, in);
            return new EventMerge(index, in, visitor, progress).run();
        }
    }
}
