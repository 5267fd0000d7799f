package dev.racelock.analyzer.race;

/**
 * The shadow state of one field of one object (or one static field), keyed for
 * {@link ShadowMemory}'s table.
 */
final class LocationShadow extends AccessState {

    final long object;
    final int slot;
    /** The next location of the same object (ShadowMemory frees an object's locations together). */
    LocationShadow nextOfObject;
    /**
     * The one thread that has accessed the object so far, {@link #SHARED} once a second one has
     * (or for a static field), {@link #UNSET} before the location's first access. While one
     * thread alone touches an object, the agent may keep its accesses beside the object and
     * write them out later (docs/agent.md, ownership), so their positions are not known
     * (RaceAnalysis.position).
     */
    int soleAccessor = UNSET;

    static final int UNSET = -1;
    static final int SHARED = -2;

    LocationShadow(long object, int slot) {
        this.object = object;
        this.slot = slot;
    }
}
