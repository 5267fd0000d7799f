package dev.racelock.analyzer.finding;

/**
 * How the two threads of a race are related by thread start, which reports use to say why the
 * start (JLS 17.4.5: a call to start() happens-before every action of the started thread) does
 * not order the accesses.
 */
public enum StartRelation {
    /** Neither thread started the other. */
    NONE,
    /** The later access's thread started the earlier access's thread, and was not ordered after its end (no join). */
    EARLIER_THREAD_STARTED_BY_LATER,
    /** The earlier access's thread started the later access's thread, and made the access after the start. */
    LATER_THREAD_STARTED_BY_EARLIER
}
