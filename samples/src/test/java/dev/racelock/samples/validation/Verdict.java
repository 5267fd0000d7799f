package dev.racelock.samples.validation;

/** The outcome of one sample in the end-to-end run. */
public enum Verdict {
    /** Exactly the expected findings. */
    PASS,
    /** Findings differ from the expectations. */
    FAIL,
    /** The sample needs a capability this build does not have yet; shown, never failed. */
    PENDING,
    /** The run itself went wrong: timeout, exit code, no trace, unreadable trace. */
    ERROR
}
