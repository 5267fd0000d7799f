package dev.racelock.agent.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.LongConsumer;

/**
 * Object to long id by identity, holding its keys weakly: for objects that cannot carry an id
 * field (arrays, JDK objects, locks, threads). {@code identityHashCode} only picks the bucket;
 * a match is always {@code ==}, so two live objects never share an id.
 *
 * <p>Lookups take no lock: they walk a bucket with plain reads and, on a miss, fall back to the
 * segment lock, which re-checks before inserting. A racy read can only miss an entry, never
 * invent one, and every miss is confirmed under the lock. The lock is held only around our own
 * code (never application code: keys are compared by {@code ==}, never with equals/hashCode).
 *
 * <p>Collected keys come back through {@link #queue}; {@link #expunge} removes their entries
 * and reports the ids, which are never handed out again (ids only grow).
 */
public final class WeakIdentityMap {
    private static final int SEGMENT_BITS = 6;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;

    static final class Entry extends WeakReference<Object> {
        final int hash;
        final long id;
        Entry next;

        Entry(Object key, int hash, long id, Entry next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.id = id;
            this.next = next;
        }
    }

    private static final class Segment {
        Entry[] table = new Entry[64];
        int count;
    }

    public interface IdSource {
        long newId(ThreadContext context);
    }

    /** Told of each new entry, under the segment lock; must not call application code. */
    public interface Insertions {
        Insertions NONE = (key, id, site, field) -> { };

        void inserted(Object key, long id, int site, int field);
    }

    final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Segment[] segments = new Segment[SEGMENTS];
    private final IdSource ids;
    private final Insertions insertions;

    public WeakIdentityMap(IdSource ids, Insertions insertions) {
        this.ids = ids;
        this.insertions = insertions;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    /** The id of {@code key}, assigning one on first sight. */
    public long idOf(Object key, ThreadContext context) {
        return idOf(key, System.identityHashCode(key), context, -1, -1);
    }

    /**
     * @param hash  {@code System.identityHashCode(key)}, when the caller has it already
     * @param site  where the key is being used, told to {@link Insertions} on first sight
     * @param field the field the key was loaded from, or -1
     */
    long idOf(Object key, int hash, ThreadContext context, int site, int field) {
        Segment segment = segments[hash & (SEGMENTS - 1)];
        Entry[] table = segment.table;
        for (Entry e = table[(hash >>> SEGMENT_BITS) & (table.length - 1)]; e != null; e = e.next) {
            if (e.get() == key) {
                return e.id;
            }
        }
        return insert(segment, key, hash, context, site, field);
    }

    /** The id of {@code key}, or 0 if it has none. */
    public long existingId(Object key) {
        int hash = System.identityHashCode(key);
        Segment segment = segments[hash & (SEGMENTS - 1)];
        synchronized (segment) {
            Entry[] table = segment.table;
            for (Entry e = table[(hash >>> SEGMENT_BITS) & (table.length - 1)]; e != null; e = e.next) {
                if (e.get() == key) {
                    return e.id;
                }
            }
        }
        return 0;
    }

    /**
     * The value bound to {@code key}, or 0: no lock when found, confirmed under the lock when
     * not (a racy read can only miss an entry). For maps used as bindings ({@link #bind}).
     */
    public long get(Object key) {
        long value = getUnlocked(key);
        return value != 0 ? value : existingId(key);
    }

    /**
     * The value bound to {@code key}, or 0, without taking a lock: a binding that
     * happened-before this call is normally found, but a racy read (another key's bind
     * resizing the segment meanwhile) can miss it. For lookups on every call of a hot path,
     * where a miss only loses an edge.
     */
    public long getUnlocked(Object key) {
        int hash = System.identityHashCode(key);
        Entry[] table = segments[hash & (SEGMENTS - 1)].table;
        for (Entry e = table[(hash >>> SEGMENT_BITS) & (table.length - 1)]; e != null; e = e.next) {
            if (e.get() == key) {
                return e.id;
            }
        }
        return 0;
    }

    /**
     * Binds {@code key} to {@code value} (non-zero): replaces an existing binding if
     * {@code replace}, else keeps it. Returns the value now bound. Also drops entries of
     * collected keys: binding maps have no thread draining their queue.
     */
    public long bind(Object key, long value, boolean replace) {
        return bind(key, value, replace, collectedValue -> { });
    }

    /** {@link #bind(Object, long, boolean)}, telling {@code collected} the value of each collected key's entry it drops. */
    public long bind(Object key, long value, boolean replace, LongConsumer collected) {
        for (java.lang.ref.Reference<?> dead; (dead = queue.poll()) != null; ) {
            long collectedValue = expunge((Entry) dead);
            if (collectedValue != 0) {
                collected.accept(collectedValue);
            }
        }
        int hash = System.identityHashCode(key);
        Segment segment = segments[hash & (SEGMENTS - 1)];
        synchronized (segment) {
            Entry[] table = segment.table;
            int index = (hash >>> SEGMENT_BITS) & (table.length - 1);
            Entry prev = null;
            for (Entry e = table[index]; e != null; prev = e, e = e.next) {
                if (e.get() == key) {
                    if (!replace || e.id == value) {
                        return e.id;
                    }
                    // an entry's value is final (lock-free readers): replace the entry
                    Entry fresh = new Entry(key, hash, value, e.next, queue);
                    if (prev == null) {
                        table[index] = fresh;
                    } else {
                        prev.next = fresh;
                    }
                    e.clear();
                    return value;
                }
            }
            table[index] = new Entry(key, hash, value, table[index], queue);
            if (++segment.count > table.length) {
                resize(segment);
            }
            return value;
        }
    }

    private long insert(Segment segment, Object key, int hash, ThreadContext context, int site, int field) {
        synchronized (segment) {
            Entry[] table = segment.table;
            int index = (hash >>> SEGMENT_BITS) & (table.length - 1);
            for (Entry e = table[index]; e != null; e = e.next) {
                if (e.get() == key) {
                    return e.id;
                }
            }
            long id = ids.newId(context);
            table[index] = new Entry(key, hash, id, table[index], queue);
            insertions.inserted(key, id, site, field);
            if (++segment.count > table.length) {
                resize(segment);
            }
            return id;
        }
    }

    private static void resize(Segment segment) {
        Entry[] old = segment.table;
        Entry[] table = new Entry[old.length * 2];
        for (Entry head : old) {
            Entry e = head;
            while (e != null) {
                Entry next = e.next;
                int index = (e.hash >>> SEGMENT_BITS) & (table.length - 1);
                e.next = table[index];
                table[index] = e;
                e = next;
            }
        }
        segment.table = table;
    }

    /** Removes a collected entry; returns its id, or 0 if it was not in the map. */
    long expunge(Entry dead) {
        Segment segment = segments[dead.hash & (SEGMENTS - 1)];
        synchronized (segment) {
            Entry[] table = segment.table;
            int index = (dead.hash >>> SEGMENT_BITS) & (table.length - 1);
            Entry prev = null;
            for (Entry e = table[index]; e != null; prev = e, e = e.next) {
                if (e == dead) {
                    if (prev == null) {
                        table[index] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    segment.count--;
                    return dead.id;
                }
            }
        }
        return 0;
    }
}
