package dev.racelock.analyzer;

import java.util.Set;

/**
 * The per-event families {@link AnalysisSession} dispatches by: an analysis receives a family's
 * events only if its class overrides one of the family's {@link dev.racelock.trace.EventVisitor}
 * methods, so the hot loop calls only the analyses that care. Trace-level events, dictionary
 * entries and observed deadlocks go to every analysis and belong to no family.
 *
 * <p>{@code EventDispatchTest} checks that every EventVisitor method reaches the analyses and
 * that each one named here exists: a method added to EventVisitor without a place here, or
 * without an override in AnalysisSession, fails the build instead of being dropped silently.
 */
enum EventFamily {
    MEMORY("read", "write", "arrayRead", "arrayWrite", "arrayRangeRead", "arrayRangeWrite", "ownedRead", "ownedWrite"),
    VOLATILE("volatileRead", "volatileWrite"),
    LOCKS("lockRequest", "lockAcquire", "lockRelease"),
    THREADS("threadStart", "threadBegin", "threadEnd", "threadJoin"),
    HAND_OFFS("hbRelease", "hbAcquire"),
    LIFETIME("objectFreed"),
    TEST_MARKERS("testStart", "testEnd"),
    ORDER_MARKS("orderMark");

    /** Delivered to every analysis, whatever it overrides. */
    static final Set<String> TO_EVERY_ANALYSIS = Set.of("header", "end", "thread", "method", "site", "field",
            "object", "testCase", "contextNode", "observedDeadlock");

    /** Kept in the session's shared state (calling contexts, lock sets); analyses read that state instead. */
    static final Set<String> SHARED_STATE_ONLY = Set.of("methodEnter", "methodExit", "context", "lockSet");

    private final Set<String> methods;

    EventFamily(String... methods) {
        this.methods = Set.of(methods);
    }

    Set<String> methods() {
        return methods;
    }
}
