package dev.racelock.trace.std;

import dev.racelock.trace.EventVisitor;
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
        throw new UnsupportedOperationException("not implemented yet");
    }
}
