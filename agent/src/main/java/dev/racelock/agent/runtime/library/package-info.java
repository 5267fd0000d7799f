/**
 * The run-time half of the model of the JDK's non-thread-safe classes (docs/library-model.md):
 * the one table of modelled classes and methods ({@link dev.racelock.agent.runtime.library.LibraryModel})
 * and the hooks that record a call on a modelled instance as a read or write of its abstract
 * state; the table of monitors the JDK takes ({@link dev.racelock.agent.runtime.library.JdkMonitors})
 * and the hook that records them as order-only lock holds. Built on the core recorder ({@code agent.runtime}) only; the core knows nothing of it.
 */
package dev.racelock.agent.runtime.library;
