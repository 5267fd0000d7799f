package dev.racelock.analyzer.collect;

/**
 * The key of one memory location (a field of an object, a static field, an array element) as
 * {@link LocationTable} stores it: carried by the entry itself, so a lookup touches the table slot
 * and the entry and nothing else. The analyses' tables are one, {@link LocationStates}, whose
 * rows extend it; an analysis's state of a location extends it too, to know its own key.
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
