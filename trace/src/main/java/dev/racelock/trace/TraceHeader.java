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
 * @param recordsStacks  false with {@code stacks=off}: no method enter/exit events
 */
public record TraceHeader(int formatVersion, long pid, long startMillis, String javaVersion, String command,
                          String agentOptions, boolean recordsMemory, boolean recordsStacks) {}
