package dev.racelock.analyzer.collect;

/**
 * The key of one memory location's shadow state (a field of an object, a static field, an array
 * element) as {@link LocationTable} stores it: carried by the state itself, so a lookup touches
 * the table slot and the state and nothing else. Analyses extend it with what they keep per
 * location.
 */
public abstract class KeyedLocation {

    /** The object (or array) id; for a static field, the id the trace gives its class. */
    public final long object;
    /** Field id, or array index. */
    public final int slot;
    /** The next location of the same object, so that freeing an object drops all of them at once. */
    KeyedLocation nextOfObject;

    protected KeyedLocation(long object, int slot) {
        this.object = object;
        this.slot = slot;
    }

    /** The location of the same object created just before this one, or null when this is its first. */
    public final KeyedLocation createdBefore() {
        return nextOfObject;
    }
}
