package dev.racelock.agent.instrument.library;

import dev.racelock.agent.instrument.CallSiteHooks;

/** The library model's entries of the call-site table (docs/library-model.md). */
public final class LibraryCallSiteHooks {
    private LibraryCallSiteHooks() {}

    /** Adds the model's call observer to {@code table}; returns it. */
    public static CallSiteHooks addTo(CallSiteHooks table) {
        return table.register(new ModelledCallObserver());
    }
}
