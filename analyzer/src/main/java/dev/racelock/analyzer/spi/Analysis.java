package dev.racelock.analyzer.spi;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.EventVisitor;

import java.util.List;

/**
 * One independent analysis over the event stream (docs/development.md, "Adding an analysis").
 * An analysis is built from the session's shared
 * {@link dev.racelock.analyzer.state.TraceState}, overrides the events it needs, and never
 * refers to another analysis: adding one touches no other. The session calls an analysis only
 * for the families of events (memory, volatile, locks, threads, hand-offs, lifetime) whose
 * methods its class overrides.
 */
public interface Analysis extends EventVisitor {

    /** Its findings, once {@link #end} has been called; each distinct bug once. */
    List<Finding> findings();

    /** What the user should know that is not a finding (e.g. a bounded search that stopped early). */
    default List<String> warnings() {
        return List.of();
    }
}
