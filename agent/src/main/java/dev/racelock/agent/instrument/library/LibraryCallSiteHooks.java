package dev.racelock.agent.instrument.library;

import dev.racelock.agent.instrument.CallSiteHooks;

/** The library model's entries of the call-site table (docs/library-model.md). */
public final class LibraryCallSiteHooks {
    private LibraryCallSiteHooks() {}

    /**
     * Adds the model's call observers to {@code table}: monitors the JDK takes (Observable,
     * Vector, Hashtable, StringBuffer ...) and the non-thread-safe classes' state; returns it.
     */
    public static CallSiteHooks addTo(CallSiteHooks table) {
        return table.register(new JdkMonitorObserver()).register(new ModelledCallObserver());
    }
}
