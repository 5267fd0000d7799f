package dev.racelock.trace;

/**
 * How reading a trace ended.
 *
 * @param events   events delivered
 * @param complete the file ended with its end block: nothing is missing
 * @param problem  when not complete, what happened, in the words shown to a user, e.g.
 *                 {@code trace truncated at byte 123456 (chunk 17); 98765 events read}; else null
 */
public record TraceEnd(long events, boolean complete, String problem) {}
