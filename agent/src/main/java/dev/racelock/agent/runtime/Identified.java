package dev.racelock.agent.runtime;

/**
 * Implemented by the topmost instrumented class of each hierarchy, which the agent gives a
 * private transient id field. When accesses are recorded, the field is final and set in every
 * constructor; 0 means the id is not visible yet (the object leaked from its constructor to a
 * racing thread): the caller falls back to the identity map. In {@code mode=locks} the field is
 * volatile and set on the object's first use as a lock or hand-off token
 * ({@link ObjectIds#of}, through {@link #$racelock$setId}), so constructors stay as they were.
 */
public interface Identified {
    long $racelock$id();

    /**
     * Stores the id of an object whose id is set on first use (mode=locks); false, storing
     * nothing, for a class whose constructors set it.
     */
    default boolean $racelock$setId(long id) {
        return false;
    }

    /**
     * The object's {@link ObjectShadow} (the ownership filter): set by the constructor of the
     * topmost instrumented class when the filter is on; null otherwise (and for classes
     * instrumented without it, which inherit this method).
     */
    default Object $racelock$shadow() {
        return null;
    }
}
