package dev.racelock.analyzer.collect;

import java.util.function.Consumer;

/**
 * A hash map from primitive {@code long} keys to objects: open addressing with linear probing
 * and backward-shift deletion, so lookups on the analysis hot path neither box a key nor chase
 * an entry object. Not thread-safe (one analysis pass owns it).
 *
 * @param <V> value type; null values are not allowed (null marks a free slot)
 */
public final class LongObjectMap<V> {

    /** Fibonacci hashing (Knuth 6.4): spreads dense, sequential ids over the table. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private Object[] values;
    private int size;
    private int shift;
    private int mask;

    public LongObjectMap() {
        this(16);
    }

    public LongObjectMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(8, expectedSize * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        Object[] vs = values;
        long[] ks = keys;
        int i = slot(key);
        while (true) {
            Object v = vs[i];
            if (v == null) {
                return null;
            }
            if (ks[i] == key) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Associates {@code value} with {@code key}; returns the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        int i = slot(key);
        while (true) {
            Object v = values[i];
            if (v == null) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > values.length) {
                    grow();
                }
                return null;
            }
            if (keys[i] == key) {
                values[i] = value;
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes the mapping of {@code key}; returns its value or null. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int i = slot(key);
        while (true) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                deleteAt(i);
                size--;
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Backward-shift deletion keeps every probe chain unbroken without tombstones. */
    private void deleteAt(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            Object v = values[i];
            if (v == null) {
                break;
            }
            int home = slot(keys[i]);
            // Move the entry back if its home lies cyclically at or before the hole.
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                values[hole] = v;
                hole = i;
            }
        }
        values[hole] = null;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int j = 0; j < oldValues.length; j++) {
            Object v = oldValues[j];
            if (v != null) {
                int i = slot(oldKeys[j]);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = v;
            }
        }
    }

    @SuppressWarnings("unchecked")
    public void forEachValue(Consumer<? super V> action) {
        for (Object v : values) {
            if (v != null) {
                action.accept((V) v);
            }
        }
    }

    /** Calls {@code action} with each key and value, in table order. */
    @SuppressWarnings("unchecked")
    public void forEach(LongObjectConsumer<? super V> action) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                action.accept(keys[i], (V) values[i]);
            }
        }
    }

    public void clear() {
        java.util.Arrays.fill(values, null);
        size = 0;
    }

    /** A (long, value) callback without boxing. */
    @FunctionalInterface
    public interface LongObjectConsumer<V> {
        void accept(long key, V value);
    }
}
