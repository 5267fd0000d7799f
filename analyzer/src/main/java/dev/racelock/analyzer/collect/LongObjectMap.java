package dev.racelock.analyzer.collect;

import java.util.function.Consumer;
import java.util.function.Supplier;

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
        return (V) values[find(key)];
    }

    /** Associates {@code value} with {@code key}; returns the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        int i = find(key);
        Object previous = values[i];
        if (previous == null) {
            insertAt(i, key, value);
        } else {
            values[i] = value;
        }
        return (V) previous;
    }

    /**
     * The value of {@code key}; when there is none, the one {@code create} makes, stored first.
     * One probe either way (a get, then a put, would walk the chain twice), so {@code create}
     * must not change this map.
     */
    @SuppressWarnings("unchecked")
    public V computeIfAbsent(long key, Supplier<? extends V> create) {
        int i = find(key);
        Object present = values[i];
        if (present != null) {
            return (V) present;
        }
        V value = create.get();
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        insertAt(i, key, value);
        return value;
    }

    /** Removes the mapping of {@code key}; returns its value or null. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int i = find(key);
        Object v = values[i];
        if (v != null) {
            deleteAt(i);
            size--;
        }
        return (V) v;
    }

    /** The slot holding {@code key}, or the free slot that ends its probe chain. */
    private int find(long key) {
        Object[] vs = values;
        long[] ks = keys;
        int m = mask;
        int i = slot(key);
        while (vs[i] != null && ks[i] != key) {
            i = (i + 1) & m;
        }
        return i;
    }

    /** Stores a new mapping in {@code free}, a free slot {@link #find} returned for {@code key}. */
    private void insertAt(int free, long key, Object value) {
        keys[free] = key;
        values[free] = value;
        if (++size * 2 > values.length) {
            grow();
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
            if (oldValues[j] != null) {
                int i = find(oldKeys[j]);
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
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
