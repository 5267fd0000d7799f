package dev.racelock.trace;

/**
 * What a trace says about the run that produced it.
 *
 * @param formatVersion  the trace format version of the file
 * @param pid            process id of the recorded JVM
 * @param startMillis    wall-clock start time, milliseconds since the epoch
 * @param javaVersion    {@code java.version} of the recorded JVM
 * @param command        the main command ({@code sun.java.command}), or empty
 * @param agentOptions   the agent's option string as given
 * @param recordsMemory  false in {@code mode=locks}: no memory accesses were recorded, so no
 *                       race may be reported from this trace
 * @param recordsStacks  false with {@code stacks=off}: no calling contexts
 * @param mayHoldOwnedAccesses the agent kept the accesses of objects one thread owned beside
 *                       them and wrote them out when a second thread touched them (the ownership
 *                       filter, header flag bit 2 since format 2.1; docs/agent.md, "Objects no
 *                       second thread has touched")
 */
public record TraceHeader(int formatVersion, long pid, long startMillis, String javaVersion, String command,
                          String agentOptions, boolean recordsMemory, boolean recordsStacks,
                          boolean mayHoldOwnedAccesses) {

    /** A header of a trace without owned accesses. */
    public TraceHeader(int formatVersion, long pid, long startMillis, String javaVersion, String command,
                       String agentOptions, boolean recordsMemory, boolean recordsStacks) {
        this(formatVersion, pid, startMillis, javaVersion, command, agentOptions, recordsMemory, recordsStacks, false);
    }
}
