package dev.racelock.cli;

import dev.racelock.trace.TraceEnd;

import java.io.IOException;
import java.nio.file.Path;

/** Re-encodes a trace: to STD text when {@code out} ends in {@code .std}, else to binary. */
@FunctionalInterface
public interface TraceConversion {

    /**
     * @param extensions STD export only: write racelock's extended operations too
     * @return how reading {@code in} ended (a damaged input converts up to the damage)
     * @throws dev.racelock.trace.TraceFormatException {@code in} cannot be read (exit code 3)
     */
    TraceEnd convert(Path in, Path out, boolean extensions) throws IOException;
}
