package dev.racelock.cli;

import dev.racelock.trace.AgentArguments;

/** What a target's exit code means when the agent chose it. */
final class AgentExit {

    /**
     * The exit code the agent ends a JVM with when it has seen a deadlock and runs with
     * {@code deadlock=exit} (docs/agent.md).
     */
    static final int DEADLOCK_EXIT = AgentArguments.DEADLOCK_EXIT_CODE;

    private AgentExit() {}

    /** Text to append to "target exited with code N", or "". */
    static String explain(int exitCode) {
        return exitCode == DEADLOCK_EXIT
                ? " (the agent's code for an observed deadlock: it recorded the deadlocked threads and ended the JVM)"
                : "";
    }
}
