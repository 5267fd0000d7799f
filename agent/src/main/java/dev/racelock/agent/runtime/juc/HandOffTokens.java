package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.WeakIdentityMap;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens of library hand-offs, chosen so that an edge goes exactly where the JDK's
 * memory-consistency notes put it:
 * <ul>
 *   <li>a Future or CompletableFuture is bound to the token its task or stage releases at its end;</li>
 *   <li>each insertion into a concurrent queue gets a fresh token, queued per (queue, element
 *       identity) in insertion order; the removal or access of that element acquires the oldest
 *       token of that pair, so it is ordered after the insertion of THAT element only;</li>
 *   <li>each key of a concurrent map has one token per (map, key by {@code equals}), the map's
 *       own notion of "that key": an insertion releases it, a retrieval acquires it. (Two puts of
 *       one key are both ordered before a later get, which can be one insertion too many when
 *       the get returned the older value while the newer put was in progress; a hash of the key
 *       instead would conflate distinct keys and hide real races.)</li>
 * </ul>
 * Fresh tokens come from the object id counter, so they never name an object.
 */
final class HandOffTokens {
    private static final WeakIdentityMap FUTURES = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);

    private record Element(long container, long element) {}

    private static final ConcurrentHashMap<Element, ArrayDeque<Long>> ELEMENTS = new ConcurrentHashMap<>();
    private static final CollectedIdTable<ConcurrentHashMap<Object, Long>> KEYS = new CollectedIdTable<>();

    private HandOffTokens() {}

    static long fresh(ThreadContext c) {
        return ObjectIds.newId(c);
    }

    static void bindFuture(Object future, long token) {
        if (future != null) {
            FUTURES.bind(future, token, true);
        }
    }

    /** The token a future is bound to, or 0. */
    static long futureToken(Object future) {
        return future == null ? 0 : FUTURES.get(future);
    }

    /**
     * As {@link #futureToken}, without the lock a miss takes to confirm itself: for lookups on
     * calls that are mostly misses (every {@code Runnable.run()} in recorded code), where a rare
     * racy miss (the map resizing meanwhile) only loses an edge.
     */
    static long futureTokenIfSeen(Object task) {
        return task == null ? 0 : FUTURES.getUnlocked(task);
    }

    /** The token a FutureTask's cancellation releases: fresh per future, assigned at its first cancel. */
    private static final WeakIdentityMap CANCELLATIONS = new WeakIdentityMap(ObjectIds::newId,
            WeakIdentityMap.Insertions.NONE);

    static long cancellationToken(Object future, ThreadContext c) {
        return CANCELLATIONS.idOf(future, c);
    }

    /** The token of a cancellation of {@code future} in recorded code, or 0 if none was recorded. */
    static long existingCancellationToken(Object future) {
        return CANCELLATIONS.get(future);
    }

    /**
     * The token the runs of one periodic task hand on to each other: fresh per task, assigned at
     * its first run. Not the task's own id, which its completion releases for get and isDone: a
     * periodic task never completes normally, and its runs are not ordered before whoever sees it
     * cancelled.
     */
    private static final WeakIdentityMap PERIODIC_RUNS = new WeakIdentityMap(ObjectIds::newId,
            WeakIdentityMap.Insertions.NONE);

    static long periodicRunToken(Object futureTask, ThreadContext c) {
        return PERIODIC_RUNS.idOf(futureTask, c);
    }

    /** Executors' delegating views, bound to the token of the pool each one wraps. */
    private static final WeakIdentityMap VIEWS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);

    static void bindView(Object view, long poolToken) {
        VIEWS.bind(view, poolToken, true);
    }

    /** The token of the pool {@code executor} is a view of, or 0 if it is none. */
    static long viewToken(Object executor) {
        return VIEWS.get(executor);
    }

    /** Sets made by Collections.newSetFromMap over a ConcurrentMap (bound to 1), weakly. */
    private static final WeakIdentityMap SETS_OF_CONCURRENT_MAPS = new WeakIdentityMap(c -> 0,
            WeakIdentityMap.Insertions.NONE);

    static void bindSetOfConcurrentMap(Object set) {
        SETS_OF_CONCURRENT_MAPS.bind(set, 1, true);
    }

    /** Whether {@code set} (a Collections.newSetFromMap set) was made over a ConcurrentMap in recorded code. */
    static boolean isSetOfConcurrentMap(Object set) {
        return SETS_OF_CONCURRENT_MAPS.getUnlocked(set) != 0;
    }

    /** Tokens a retrieval of a future bound to the key token acquires too (allOf, thenCompose). */
    private static final ConcurrentHashMap<Long, long[]> DEPENDENCIES = new ConcurrentHashMap<>();

    /** The tokens that stand for the completion of {@code future}: its bound token and its own id. */
    static long[] completionTokens(Object future, ThreadContext c) {
        return new long[] {futureToken(future), ObjectIds.of(future, -1, c)};
    }

    static void dependsOn(long token, long[] more) {
        DEPENDENCIES.merge(token, more, (a, b) -> {
            long[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        });
    }

    /**
     * Acquires {@code token} and, transitively (a composed stage's stage may itself be composed),
     * the tokens it depends on.
     */
    static void acquire(long token, int site, ThreadContext c) {
        acquire(token, site, c, 0);
    }

    private static void acquire(long token, int site, ThreadContext c, int depth) {
        if (token == 0) {
            return;
        }
        c.recorder.hbAcquire(token, site);
        long[] more = depth < 16 ? DEPENDENCIES.get(token) : null;
        if (more != null) {
            for (long t : more) {
                acquire(t, site, c, depth + 1);
            }
        }
    }

    // ---- queue elements ----------------------------------------------------------------------

    static long inserting(Object queue, Object element, ThreadContext c) {
        long token = fresh(c);
        ArrayDeque<Long> tokens = ELEMENTS.computeIfAbsent(key(queue, element, c), k -> new ArrayDeque<>());
        synchronized (tokens) {
            tokens.addLast(token);
        }
        return token;
    }

    /** An insertion that did not happen (offer returned false): its token is withdrawn. */
    static void notInserted(Object queue, Object element, long token, ThreadContext c) {
        ArrayDeque<Long> tokens = ELEMENTS.get(key(queue, element, c));
        if (tokens != null) {
            synchronized (tokens) {
                tokens.removeLastOccurrence(token);
            }
        }
    }

    /** The token of the oldest insertion of {@code element}, removed if {@code removal}; 0 if none. */
    static long taken(Object queue, Object element, boolean removal, ThreadContext c) {
        Element k = key(queue, element, c);
        ArrayDeque<Long> tokens = ELEMENTS.get(k);
        if (tokens == null) {
            return 0;
        }
        synchronized (tokens) {
            Long token = removal ? tokens.pollFirst() : tokens.peekFirst();
            if (tokens.isEmpty()) {
                ELEMENTS.remove(k, tokens);
            }
            return token == null ? 0 : token;
        }
    }

    private static Element key(Object queue, Object element, ThreadContext c) {
        return new Element(ObjectIds.of(queue, -1, c), ObjectIds.of(element, -1, c));
    }

    /**
     * The token of the one insertion of {@code element} still queued in the container, without
     * consuming it; 0 if there is none or more than one (an iterator that returns the element
     * does not say which occurrence it saw, and the other insertion may not precede it).
     */
    static long soleInsertion(long container, Object element, ThreadContext c) {
        ArrayDeque<Long> tokens = ELEMENTS.get(new Element(container, ObjectIds.of(element, -1, c)));
        if (tokens == null) {
            return 0;
        }
        synchronized (tokens) {
            return tokens.size() == 1 ? tokens.peekFirst() : 0;
        }
    }

    // ---- map keys ------------------------------------------------------------------------------

    static long keyToken(Object map, Object key, ThreadContext c) {
        if (key == null) {
            return 0;
        }
        ConcurrentHashMap<Object, Long> keys = keyTable(map, true, -1, c);
        Long token = keys.get(key);
        return token != null ? token : keys.computeIfAbsent(key, k -> fresh(c));
    }

    /** Acquires the token of a key, if anything was ever released under it. */
    static void acquireKey(Object map, Object key, int site, ThreadContext c) {
        if (key == null) {
            return;
        }
        ConcurrentHashMap<Object, Long> keys = keyTable(map, false, site, c);
        Long token = keys == null ? null : keys.get(key);
        if (token != null) {
            c.recorder.hbAcquire(token, site);
        }
    }

    /**
     * The key table of {@code container} ({@code create}: made if absent; else null if absent).
     * The thread keeps the tables of the last few containers it used, direct-mapped by identity
     * hash ({@link ThreadContext#keyContainers}): a hooked map call looks its table up before and
     * after the call, often with a library's own map calls in between (a cache over a
     * ConcurrentHashMap), so this skips the object-id lookup and the lookup by boxed id in
     * {@link #KEYS} (the bulk of {@code mode=locks}' cost on concurrent maps, docs/performance.md).
     * The cache holds its containers strongly, so a cached one cannot be collected and its table
     * forgotten ({@link #forget}); a table is never replaced while its container lives.
     */
    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<Object, Long> keyTable(Object container, boolean create, int site, ThreadContext c) {
        int slot = System.identityHashCode(container) & (ThreadContext.KEY_TABLES - 1);
        if (c.keyContainers[slot] == container) {
            return (ConcurrentHashMap<Object, Long>) c.keyTables[slot];
        }
        long id = ObjectIds.of(container, site, c);
        ConcurrentHashMap<Object, Long> keys = create ? KEYS.computeIfAbsent(id, ConcurrentHashMap::new) : KEYS.get(id);
        if (keys != null) {
            c.keyContainers[slot] = container;
            c.keyTables[slot] = keys;
        }
        return keys;
    }

    /** As {@link #acquireKey(Object, Object, int, ThreadContext)}, for a container known by its id. */
    static void acquireKey(long container, Object key, int site, ThreadContext c) {
        if (key == null) {
            return;
        }
        ConcurrentHashMap<Object, Long> keys = KEYS.get(container);
        Long token = keys == null ? null : keys.get(key);
        if (token != null) {
            c.recorder.hbAcquire(token, site);
        }
    }

    /** {@code key} left {@code map}: its token is dropped (CollectionHooks.remove). */
    static void forgetKey(Object map, Object key, ThreadContext c) {
        ConcurrentHashMap<Object, Long> keys = key == null ? null : keyTable(map, false, -1, c);
        if (keys != null) {
            keys.remove(key);
        }
    }

    /** The object with this id was collected: if it was a map or set, its key tokens go with it. */
    static void forget(long id) {
        KEYS.forget(id);
    }
}
