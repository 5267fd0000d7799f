package dev.racelock.trace;

import java.io.IOException;

/**
 * The one exception the trace readers throw for a file they cannot read: empty, not a trace, a
 * newer format version, or malformed before anything could be read. Its message is written for
 * the user and names the file and the problem; the CLI turns it into exit code 3.
 *
 * <p>Damage after a readable beginning (truncation, a bad chunk) is not thrown: the reader
 * delivers what came before it and says what happened in {@link TraceEnd#problem()}.
 */
public class TraceFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
