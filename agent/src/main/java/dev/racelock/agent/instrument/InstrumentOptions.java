package dev.racelock.agent.instrument;

/**
 * What the transformer inserts.
 *
 * @param memory record field and array accesses ({@code mode=full}); off in {@code mode=locks}
 * @param stacks record method enter/exit and call sites ({@code stacks=on})
 */
public record InstrumentOptions(boolean memory, boolean stacks) {}
