package dev.racelock.trace.files;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import dev.racelock.trace.format.TraceReader;
import dev.racelock.trace.std.StdTraceReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a trace file of either kind: a binary trace (recognised by its magic) or an STD text
 * trace (anything else whose name ends in {@code .std}, or that parses as STD).
 */
public final class TraceFiles {

    /** The first byte of the binary format's signature (0x89): never the start of an STD text line. */
    private static final int BINARY_FIRST_BYTE = 0x89;

    private TraceFiles() {}

    /**
     * @throws TraceFormatException the file is neither kind, is empty, or is of a newer version
     * @throws IOException          it cannot be opened
     */
    public static TraceEnd read(Path file, EventVisitor visitor, ReadProgress progress) throws IOException {
        int first;
        try (InputStream in = Files.newInputStream(file)) {
            first = in.read();
        }
        if (first < 0) {
            throw new TraceFormatException(file + ": empty file, not a racelock trace");
        }
        if (first == BINARY_FIRST_BYTE) {
            return TraceReader.read(file, visitor, progress);
        }
        if (!isStdName(file) && !StdTraceReader.looksLikeStd(file)) {
            throw new TraceFormatException(file + ": not a racelock trace (unknown file signature) and not an STD text trace");
        }
        return StdTraceReader.read(file, visitor, progress);
    }

    private static boolean isStdName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".std");
    }
}
