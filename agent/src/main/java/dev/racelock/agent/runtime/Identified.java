package dev.racelock.agent.runtime;

/**
 * Implemented by the topmost instrumented class of each hierarchy, which the agent gives a
 * private transient final id field set in every constructor. 0 means the id is not visible yet
 * (the object leaked from its constructor to a racing thread): the caller falls back to the
 * identity map.
 */
public interface Identified {
    long $racelock$id();

    /**
     * The object's {@link ObjectShadow} (the ownership filter): set by the constructor of the
     * topmost instrumented class when the filter is on; null otherwise (and for classes
     * instrumented without it, which inherit this method).
     */
    default Object $racelock$shadow() {
        return null;
    }
}
