package dev.racelock.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Re-encodes a trace: binary to STD text when {@code out} ends in {@code .std}, else to binary. */
@FunctionalInterface
public interface TraceConversion {

    /** @throws dev.racelock.trace.TraceFormatException {@code in} cannot be read (exit code 3) */
    void convert(Path in, Path out) throws IOException;
}
