package dev.racelock.cli;

import java.io.IOException;
import java.nio.file.Path;

/** {@code racelock convert} through the trace module's readers and writers. */
final class TraceConverter {

    private TraceConverter() {}

    static void convert(Path in, Path out) throws IOException {
        throw new CommandFailure(ExitCodes.USAGE,
                "convert is not available in this build yet: the trace module's STD export has not landed");
    }
}
