package dev.racelock.agent.instrument;

/**
 * What the transformer inserts.
 *
 * @param memory record field and array accesses ({@code mode=full}); off in {@code mode=locks}
 * @param stacks record method enter/exit and call sites ({@code stacks=on})
 * @param ownership give objects of instrumented classes an ObjectShadow (the ownership filter)
 */
public record InstrumentOptions(boolean memory, boolean stacks, boolean ownership) {
    public InstrumentOptions(boolean memory, boolean stacks) {
        this(memory, stacks, false);
    }
}
