package dev.racelock.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a trace file of either kind: a binary trace (recognised by its magic) or an STD text
 * trace (anything else whose name ends in {@code .std}, or that parses as STD).
 */
public final class TraceFiles {

    private TraceFiles() {}

    /**
     * @throws TraceFormatException the file is neither kind, is empty, or is of a newer version
     * @throws IOException          it cannot be opened
     */
    public static TraceEnd read(Path file, EventVisitor visitor, ReadProgress progress) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
