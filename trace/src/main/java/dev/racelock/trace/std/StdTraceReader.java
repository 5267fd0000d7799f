package dev.racelock.trace.std;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Imports the STD text format of RAPID and RV-Predict ({@code T0|w(V1)|12}), one event per line,
 * into the event model (docs/trace-format.md, "STD text format").
 */
public final class StdTraceReader {

    private StdTraceReader() {}

    /** Reads {@code file} into {@code visitor}; a malformed line is a TraceFormatException naming it. */
    public static TraceEnd read(Path file, EventVisitor visitor) throws IOException {
        return read(file, visitor, ReadProgress.NONE);
    }

    public static TraceEnd read(Path file, EventVisitor visitor, ReadProgress progress) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Whether the file's first non-blank line parses as an STD event. */
    public static boolean looksLikeStd(Path file) throws IOException {
        return false;
    }
}
