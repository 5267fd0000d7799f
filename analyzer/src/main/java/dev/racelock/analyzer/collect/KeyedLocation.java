package dev.racelock.analyzer.collect;

/**
 * The key of one memory location (a field of an object, a static field, an array element) as
 * {@link LocationTable} stores it: carried by the entry itself, so a lookup touches the table slot
 * and the entry and nothing else. Analyses extend it with what they keep per location.
 *
 * <p>In the analyses' shared table ({@link LocationStates}) the entry of a location is the state
 * of the rows' column (or its key alone), and carries the states of the other columns
 * ({@link #link}), which need no key of their own: the rows' analysis (the HB race analysis, all
 * of {@code hb}'s lookups) reaches its state without one more load.
 */
public abstract class KeyedLocation {

    /** The object (or array) id; for a static field, the id the trace gives its class. */
    public final long object;
    /** Field id, or array index. */
    public final int slot;
    /**
     * The next location of the same object, so that freeing an object drops all of them at once;
     * for a row of {@link LocationStates} with states of other columns, an array instead: [0] that
     * next location, [1] non-null once the rows' column's analysis has looked the row up (until
     * then the row only carries other columns' states), [1 + i] column i's state. One field for
     * both: a field more made every keyed state 8 bytes larger, and the cache workload's trace
     * filled an 8 GB heap with it.
     */
    Object link;

    protected KeyedLocation(long object, int slot) {
        this.object = object;
        this.slot = slot;
    }

    /** The location of the same object created just before this one, or null when this is its first. */
    public final KeyedLocation createdBefore() {
        Object l = link;
        return (KeyedLocation) (l instanceof Object[] a ? a[0] : l);
    }

    final void createdBefore(KeyedLocation next) {
        if (link instanceof Object[] a) {
            a[0] = next;
        } else {
            link = next;
        }
    }
}
