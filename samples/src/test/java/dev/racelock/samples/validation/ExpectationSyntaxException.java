package dev.racelock.samples.validation;

/** A sample's expectation comment does not follow the grammar; the message names file and line. */
public final class ExpectationSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpectationSyntaxException(String fileName, int line, String problem) {
        super(fileName + ":" + line + ": " + problem);
    }
}
