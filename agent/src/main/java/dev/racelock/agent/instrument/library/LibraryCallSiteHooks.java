package dev.racelock.agent.instrument.library;

import dev.racelock.agent.instrument.CallSiteHooks;

/** The library model's entries of the call-site table (docs/library-model.md). */
public final class LibraryCallSiteHooks {
    private LibraryCallSiteHooks() {}

    /**
     * Adds the model's call observers to {@code table}: the non-thread-safe classes' state, then
     * monitors the JDK takes (Observable, Vector, Hashtable, StringBuffer ...); returns it. The
     * state's observer comes first: in mode=full it takes the calls through a supertype
     * ({@code List.add}) and its hook also records the monitor of a {@code Vector} receiver, so
     * that such a call pays one hook, not two; in mode=locks it observes nothing.
     */
    public static CallSiteHooks addTo(CallSiteHooks table) {
        return table.register(new ModelledCallObserver()).register(new JdkMonitorObserver());
    }
}
