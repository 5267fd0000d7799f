package dev.racelock.analyzer.finding;

/**
 * What is below a stack's outermost frame, as far as the trace tells: a stack holds the frames of
 * recorded (instrumented) methods only, so it either reaches where its thread began or is cut
 * where code racelock does not record called in. Reports say so under a cut stack; they never
 * complete it with a caller that was not seen.
 */
public enum StackBase {
    /**
     * The outermost frame is where its thread began: {@code main(String[])}, an override of
     * {@code Thread.run}, or the Runnable or lambda the thread was started with.
     */
    THREAD_ENTRY,
    /**
     * The outermost frame was called by code racelock does not record: a JDK or framework thread
     * pool running a task, a callback, a class left out by include/exclude. Its callers are unknown.
     */
    UNRECORDED_CALLER,
    /** The trace does not say (recorded before trace format 2.4, imported, or a JVM stack). */
    UNKNOWN;

    /** True when reports must say that the stack stops at code racelock does not record. */
    public boolean isCut() {
        return this == UNRECORDED_CALLER;
    }
}
