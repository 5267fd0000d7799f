package dev.racelock.agent.instrument;

/** The java.util.concurrent hand-off entries of the call-site table (executors, futures, latches, queues, maps). */
final class HandOffCallSiteHooks {
    private HandOffCallSiteHooks() {}

    static void addTo(CallSiteHooks table) {
    }
}
