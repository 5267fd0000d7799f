package dev.racelock.agent.runtime;

/** A thread of the agent itself (writer drain, watchdog, shutdown): it records nothing. */
public final class AgentThread extends Thread {
    public AgentThread(String name, Runnable body) {
        super(null, body, name, 0, false);
        setDaemon(true);
    }
}
