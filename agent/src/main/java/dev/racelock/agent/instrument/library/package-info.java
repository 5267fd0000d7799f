/**
 * The instrumentation half of the model of the JDK's non-thread-safe classes
 * (docs/library-model.md): the call observer that records, around each call of a modelled
 * method in application code, an access to the receiver's abstract state, and the one that
 * records, after a call of a JDK method that locks its receiver, an order-only hold of its
 * monitor; their tables are in {@code agent.runtime.library}. Registered into the core table
 * ({@code CallSiteHooks}) by {@link dev.racelock.agent.instrument.library.LibraryCallSiteHooks#addTo};
 * the core knows nothing of it.
 */
package dev.racelock.agent.instrument.library;
