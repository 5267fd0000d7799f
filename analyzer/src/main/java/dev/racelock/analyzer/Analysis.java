package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.EventVisitor;

import java.util.List;

/**
 * One independent analysis over the event stream (DESIGN.md, "Analyses are independent
 * consumers of one event stream"). An analysis is built from the session's shared
 * {@link dev.racelock.analyzer.state.TraceState}, overrides the events it needs, and never
 * refers to another analysis: adding one touches no other.
 */
public interface Analysis extends EventVisitor {

    /**
     * Whether this analysis wants plain memory accesses (read, write, array*). Most events are
     * accesses, so the session skips the call for analyses that do not.
     */
    default boolean consumesMemoryAccesses() {
        return false;
    }

    /** Its findings, once {@link #end} has been called; each distinct bug once. */
    List<Finding> findings();

    /** What the user should know that is not a finding (e.g. a bounded search that stopped early). */
    default List<String> warnings() {
        return List.of();
    }
}
