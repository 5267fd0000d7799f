package dev.racelock.analyzer.race;

/**
 * The shadow state of one field of one object (or one static field), keyed (object, field id) in
 * {@link RaceAnalysis}'s column of the session's {@link dev.racelock.analyzer.collect.LocationStates}.
 */
final class LocationShadow extends AccessState {

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
        super(object, slot);
    }
}
