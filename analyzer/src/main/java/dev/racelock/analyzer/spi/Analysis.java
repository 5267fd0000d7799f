package dev.racelock.analyzer.spi;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.EventVisitor;

import java.util.List;

/**
 * One independent analysis over the event stream (docs/development.md, "Adding an analysis").
 * An analysis is built from the session's shared
 * {@link dev.racelock.analyzer.state.TraceState}, overrides the events it needs, and never
 * refers to another analysis: adding one touches no other. The session calls an analysis only
 * for the families of events (dictionary, memory, volatile, locks, threads, hand-offs, lifetime,
 * test markers, order marks) whose methods its class overrides, and for a family with kinds it
 * calls the family's method ({@code define}, {@code access}, {@code volatileAccess},
 * {@code handOff}, {@code forkJoin}), never the per-kind ones: it refuses an analysis that
 * overrides {@code read} or {@code hbAcquire} (EventVisitor, "Two levels").
 */
public interface Analysis extends EventVisitor {

    /** Its findings, once {@link #end} has been called; each distinct bug once. */
    List<Finding> findings();

    /** What the user should know that is not a finding (e.g. a bounded search that stopped early). */
    default List<String> warnings() {
        return List.of();
    }
}
