package dev.racelock.cli;

/**
 * racelock itself failed while working (exit code 5): a bug, or the analysis ran out of memory.
 * Unlike {@link CommandFailure} it is not the user's doing; {@link FailureHandler} says what
 * happened in one line, where the details are, and what {@link #note} adds (for {@code run}:
 * where the traces are kept).
 */
final class InternalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String note;

    /** @param note one more thing the user should know, or null */
    InternalFailure(Throwable cause, String note) {
        super(cause.toString(), cause, false, false);
        this.note = note;
    }

    /** The same failure with {@code note} added. */
    InternalFailure withNote(String more) {
        return new InternalFailure(getCause(), note == null ? more : note + "; " + more);
    }

    String note() {
        return note;
    }

    boolean outOfMemory() {
        return getCause() instanceof OutOfMemoryError;
    }
}
