package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a binary trace (format v1) and delivers it to a visitor in one order consistent with
 * synchronization, in memory that does not grow with the trace's length.
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
        throw new UnsupportedOperationException("not implemented yet");
    }
}
