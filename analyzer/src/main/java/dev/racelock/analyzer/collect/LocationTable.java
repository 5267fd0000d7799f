package dev.racelock.analyzer.collect;

import java.util.function.Consumer;

/**
 * Shadow state of every location touched, keyed by (object, slot): one open-addressing table of
 * {@link KeyedLocation}s (linear probing, backward-shift deletion), each location also chained
 * from its object, touched only when a location is created or its object freed. Freeing an
 * object drops all its locations at once, so memory follows the program's live objects, never
 * the trace's length.
 *
 * @param <L> the state kept per location
 */
public final class LocationTable<L extends KeyedLocation> {

    /** Creates the state of a location seen for the first time. */
    @FunctionalInterface
    public interface Factory<L> {
        L create(long object, int slot);
    }

    /** Fibonacci hashing (Knuth 6.4) of the combined key. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Factory<L> factory;
    private KeyedLocation[] table = new KeyedLocation[1 << 12];
    private int mask = table.length - 1;
    private int shift = 64 - 12;
    private int size;
    private final LongObjectMap<KeyedLocation> firstOfObject = new LongObjectMap<>(1024);

    public LocationTable(Factory<L> factory) {
        this.factory = factory;
    }

    private int home(long object, int slot) {
        return (int) (((object * 31 + slot) * GOLDEN) >>> shift);
    }

    /** The location's state, created on first use. */
    @SuppressWarnings("unchecked")
    public L get(long object, int slot) {
        int i = probe(object, slot);
        KeyedLocation x = table[i];
        return x != null ? (L) x : create(i, object, slot);
    }

    /** The location's state, or null when it has none. */
    @SuppressWarnings("unchecked")
    public L find(long object, int slot) {
        return (L) table[probe(object, slot)];
    }

    /** Linear probing from the key's home: the location's index, or the empty one where it would go. */
    private int probe(long object, int slot) {
        KeyedLocation[] t = table;
        int i = home(object, slot);
        while (true) {
            KeyedLocation x = t[i];
            if (x == null || x.object == object && x.slot == slot) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private L create(int i, long object, int slot) {
        L x = factory.create(object, slot);
        table[i] = x;
        x.nextOfObject = firstOfObject.put(object, x);
        if (++size * 2 > table.length) {
            grow();
        }
        return x;
    }

    private void grow() {
        KeyedLocation[] old = table;
        table = new KeyedLocation[old.length * 2];
        mask = table.length - 1;
        shift--;
        for (KeyedLocation x : old) {
            if (x != null) {
                int i = home(x.object, x.slot);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = x;
            }
        }
    }

    /** Every location of the object, in no particular order. */
    @SuppressWarnings("unchecked")
    public void forEachOf(long object, Consumer<L> action) {
        for (KeyedLocation x = firstOfObject.get(object); x != null; x = x.nextOfObject) {
            action.accept((L) x);
        }
    }

    /** Drops every location of the object. */
    public void free(long object) {
        for (KeyedLocation x = firstOfObject.remove(object); x != null; x = x.nextOfObject) {
            remove(x);
        }
    }

    /** Backward-shift deletion: keeps probe chains whole without tombstones. */
    private void remove(KeyedLocation x) {
        int hole = home(x.object, x.slot);
        while (table[hole] != x) {
            hole = (hole + 1) & mask;
        }
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            KeyedLocation y = table[i];
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

    /** Locations with state. */
    public int size() {
        return size;
    }

    /** Objects with at least one location. */
    public int objects() {
        return firstOfObject.size();
    }
}
