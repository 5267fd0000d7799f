package dev.racelock.analyzer.race;

import dev.racelock.analyzer.collect.LongObjectMap;

/**
 * Shadow state of every location touched, two levels deep: object id -> slot (field id or
 * element index) -> {@link LocationShadow}. Freeing an object drops its whole second level at
 * once, so memory stays flat for a fixed live set. The last object looked up is cached because
 * consecutive accesses mostly hit the same object.
 */
final class ShadowMemory {

    private final LongObjectMap<LongObjectMap<LocationShadow>> objects = new LongObjectMap<>(1024);
    private long lastObject = Long.MIN_VALUE;
    private LongObjectMap<LocationShadow> lastSlots;
    private int locations;

    LocationShadow location(long object, int slot) {
        LongObjectMap<LocationShadow> slots;
        if (object == lastObject) {
            slots = lastSlots;
        } else {
            slots = objects.get(object);
            if (slots == null) {
                slots = new LongObjectMap<>(4);
                objects.put(object, slots);
            }
            lastObject = object;
            lastSlots = slots;
        }
        LocationShadow x = slots.get(slot);
        if (x == null) {
            x = new LocationShadow();
            slots.put(slot, x);
            locations++;
        }
        return x;
    }

    void free(long object) {
        LongObjectMap<LocationShadow> slots = objects.remove(object);
        if (slots != null) {
            locations -= slots.size();
        }
        if (object == lastObject) {
            lastObject = Long.MIN_VALUE;
            lastSlots = null;
        }
    }

    int objects() {
        return objects.size();
    }

    int locations() {
        return locations;
    }
}
