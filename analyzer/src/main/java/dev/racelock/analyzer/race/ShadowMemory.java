package dev.racelock.analyzer.race;

import dev.racelock.analyzer.collect.LongObjectMap;

/**
 * Shadow state of every location touched: one open-addressing table of {@link LocationShadow}s,
 * each carrying its own key (object, slot), so a lookup touches the table slot and the shadow
 * itself and nothing else (the access path is bound by cache misses, not instructions). The
 * shadows of one object are also chained from a per-object head, touched only when a location is
 * created or its object freed: freeing drops all of an object's locations at once, so memory
 * stays flat for a fixed live set.
 */
final class ShadowMemory {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private LocationShadow[] table = new LocationShadow[1 << 12];
    private int mask = table.length - 1;
    private int shift = 64 - 12;
    private int locations;
    private final LongObjectMap<LocationShadow> firstOfObject = new LongObjectMap<>(1024);

    private int home(long object, int slot) {
        return (int) (((object * 31 + slot) * GOLDEN) >>> shift);
    }

    LocationShadow location(long object, int slot) {
        LocationShadow[] t = table;
        int i = home(object, slot);
        while (true) {
            LocationShadow x = t[i];
            if (x == null) {
                return create(i, object, slot);
            }
            if (x.object == object && x.slot == slot) {
                return x;
            }
            i = (i + 1) & mask;
        }
    }

    private LocationShadow create(int i, long object, int slot) {
        LocationShadow x = new LocationShadow(object, slot);
        table[i] = x;
        x.nextOfObject = firstOfObject.put(object, x);
        if (++locations * 2 > table.length) {
            grow();
        }
        return x;
    }

    private void grow() {
        LocationShadow[] old = table;
        table = new LocationShadow[old.length * 2];
        mask = table.length - 1;
        shift--;
        for (LocationShadow x : old) {
            if (x != null) {
                int i = home(x.object, x.slot);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = x;
            }
        }
    }

    /** Every location of {@code object} now has more than one accessing thread. */
    void shared(long object) {
        for (LocationShadow x = firstOfObject.get(object); x != null; x = x.nextOfObject) {
            x.soleAccessor = LocationShadow.SHARED;
        }
    }

    void free(long object) {
        for (LocationShadow x = firstOfObject.remove(object); x != null; x = x.nextOfObject) {
            remove(x);
        }
    }

    /** Backward-shift deletion: keeps probe chains whole without tombstones. */
    private void remove(LocationShadow x) {
        int hole = home(x.object, x.slot);
        while (table[hole] != x) {
            hole = (hole + 1) & mask;
        }
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            LocationShadow y = table[i];
            if (y == null) {
                break;
            }
            int h = home(y.object, y.slot);
            if (((i - h) & mask) >= ((i - hole) & mask)) {
                table[hole] = y;
                hole = i;
            }
        }
        table[hole] = null;
        locations--;
    }

    int objects() {
        return firstOfObject.size();
    }

    int locations() {
        return locations;
    }
}
