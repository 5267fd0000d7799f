package dev.racelock.analyzer.collect;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Values indexed by a small dense id (dictionary ids: thread, method, site, field), growing as
 * ids appear. Negative ids (-1 = unknown) are never stored and read as null.
 */
public final class DenseTable<T> {

    private Object[] items = new Object[64];

    public void put(int id, T value) {
        if (id < 0) {
            return;
        }
        if (id >= items.length) {
            items = Arrays.copyOf(items, Math.max(id + 1, items.length * 2));
        }
        items[id] = value;
    }

    @SuppressWarnings("unchecked")
    public T get(int id) {
        return id >= 0 && id < items.length ? (T) items[id] : null;
    }

    /** The value of {@code id}; when there is none, the one {@code create} makes, stored first (not for a negative id). */
    public T computeIfAbsent(int id, Supplier<? extends T> create) {
        T value = get(id);
        if (value == null) {
            value = create.get();
            put(id, value);
        }
        return value;
    }
}
