package dev.racelock.agent.runtime.juc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * A model's state per object without an id field (a barrier's arrivals, an exchanger's
 * participants, a concurrent map's key tokens), by the object's id, forgotten when the object is
 * collected ({@link #forget}, from Recording's freed-object listeners).
 *
 * <p>Every collected array and JDK object is offered to {@link #forget}, tens of thousands a
 * second, and only the few the model knows have an entry: it counts the entries per bucket of
 * ids and looks an id up (boxing it) only when its bucket has one (Lucene's full recording: 28 MB
 * of boxed ids in JFR's allocation samples when every id was looked up). The count of a bucket is
 * never below its entries: an entry is counted when {@code computeIfAbsent} makes it, which it
 * does at most once per absent id, and uncounted only when {@link #forget} removed it; no entry
 * is made for a collected object's id, so the count cannot rise between the check and the removal.
 */
final class CollectedIdTable<V> {
    private static final int BUCKETS = 1 << 12;

    private final ConcurrentHashMap<Long, V> entries = new ConcurrentHashMap<>();
    private final AtomicIntegerArray entriesByBucket = new AtomicIntegerArray(BUCKETS);

    /** The entry of object {@code id}, made by {@code fresh} if it has none (allocating only then). */
    V computeIfAbsent(long id, Supplier<V> fresh) {
        V known = entries.get(id);
        if (known != null) {
            return known;
        }
        return entries.computeIfAbsent(id, k -> {
            entriesByBucket.incrementAndGet(bucket(k));
            return fresh.get();
        });
    }

    /** The entry of object {@code id}, or null. */
    V get(long id) {
        return entries.get(id);
    }

    /** The object with this id was collected: its entry, if it has one, goes. */
    void forget(long id) {
        int bucket = bucket(id);
        if (entriesByBucket.get(bucket) != 0 && entries.remove(id) != null) {
            entriesByBucket.decrementAndGet(bucket);
        }
    }

    private static int bucket(long id) {
        return (int) id & (BUCKETS - 1); // ids come in per-thread blocks of consecutive numbers
    }
}
