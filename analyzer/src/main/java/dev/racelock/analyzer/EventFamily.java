package dev.racelock.analyzer;

import java.util.Set;

/**
 * The per-event families {@link AnalysisSession} dispatches by: an analysis receives a family's
 * events only if its class overrides one of the family's {@link dev.racelock.trace.EventVisitor}
 * methods, so the hot loop calls only the analyses that care. The methods named here are the
 * ones the session calls on analyses: for a family with kinds (dictionary entries, plain and
 * volatile accesses, hand-offs, fork and join) the family method, never the per-kind forms,
 * which the visitor's defaults forward to it. Trace-level events and observed deadlocks go to
 * every analysis and belong to no family.
 *
 * <p>{@code EventDispatchTest} checks that every EventVisitor method reaches the analyses and
 * that each one named here exists: a method added to EventVisitor without a place here, or
 * without an override in AnalysisSession, fails the build instead of being dropped silently.
 */
enum EventFamily {
    DICTIONARY("define"),
    MEMORY("access", "ownedRead", "ownedWrite"),
    VOLATILE("volatileAccess"),
    LOCKS("lockRequest", "lockAcquire", "lockRelease"),
    THREADS("forkJoin", "threadBegin", "threadEnd"),
    HAND_OFFS("handOff"),
    LIFETIME("objectFreed"),
    TEST_MARKERS("testStart", "testEnd"),
    ORDER_MARKS("orderMark");

    /** Delivered to every analysis, whatever it overrides. */
    static final Set<String> TO_EVERY_ANALYSIS = Set.of("header", "end", "observedDeadlock");

    /** Kept in the session's shared state (calling contexts); analyses read that state instead. */
    static final Set<String> SHARED_STATE_ONLY = Set.of("methodEnter", "methodExit", "context");

    private final Set<String> methods;

    EventFamily(String... methods) {
        this.methods = Set.of(methods);
    }

    Set<String> methods() {
        return methods;
    }
}
