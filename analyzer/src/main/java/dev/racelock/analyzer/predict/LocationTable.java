package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.collect.LongObjectMap;

/**
 * The predictive analysis's shadow memory: open addressing on (object, slot), every location
 * also chained from its object so a collected object's locations go at once (memory follows the
 * live set). The same layout as the HB analysis's ShadowMemory, over this analysis's own state.
 */
final class LocationTable {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Location[] table = new Location[1 << 12];
    private int mask = table.length - 1;
    private int shift = 64 - 12;
    private int size;
    private final LongObjectMap<Location> firstOfObject = new LongObjectMap<>(1024);

    private int home(long object, int slot) {
        return (int) (((object * 31 + slot) * GOLDEN) >>> shift);
    }

    Location get(long object, int slot) {
        Location[] t = table;
        int i = home(object, slot);
        while (true) {
            Location x = t[i];
            if (x == null) {
                return create(i, object, slot);
            }
            if (x.object == object && x.slot == slot) {
                return x;
            }
            i = (i + 1) & mask;
        }
    }

    private Location create(int i, long object, int slot) {
        Location x = new Location(object, slot);
        table[i] = x;
        x.nextOfObject = firstOfObject.put(object, x);
        if (++size * 2 > table.length) {
            grow();
        }
        return x;
    }

    private void grow() {
        Location[] old = table;
        table = new Location[old.length * 2];
        mask = table.length - 1;
        shift--;
        for (Location x : old) {
            if (x != null) {
                int i = home(x.object, x.slot);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = x;
            }
        }
    }

    void free(long object) {
        for (Location x = firstOfObject.remove(object); x != null; x = x.nextOfObject) {
            remove(x);
        }
    }

    /** Backward-shift deletion: keeps probe chains whole without tombstones. */
    private void remove(Location x) {
        int hole = home(x.object, x.slot);
        while (table[hole] != x) {
            hole = (hole + 1) & mask;
        }
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            Location y = table[i];
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
        size--;
    }

    int size() {
        return size;
    }
}
