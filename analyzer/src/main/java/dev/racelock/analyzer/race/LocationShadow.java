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

    LocationShadow(long object, int slot) {
        this.object = object;
        this.slot = slot;
    }
}
