package dev.racelock.trace.format;

/**
 * Internal: decoding met bytes that cannot be a valid v1 payload. The reader turns it into a
 * {@link dev.racelock.trace.TraceFormatException} (before any event) or a damage end (after).
 */
final class DamagedDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean located;

    DamagedDataException(String message) {
        this(message, false);
    }

    /** @param located the message already says where in the file the damage is */
    DamagedDataException(String message, boolean located) {
        super(message, null, false, false);
        this.located = located;
    }

    boolean located() {
        return located;
    }
}
