package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The update-in-place methods of concurrent maps: {@code computeIfAbsent}, {@code compute},
 * {@code computeIfPresent}, {@code merge}, {@code replace} (2) and {@code remove(key, value)}.
 * ConcurrentMap's memory-consistency note: actions before placing an object into the map
 * happen-before actions after the access or removal of that object in another thread. So a call
 * that installs a value is an update of its key, and what the mapping function did to build the
 * value is part of it; a call that finds an existing mapping (returns it, or hands it to the
 * remapping function) is a retrieval, as {@code get} is. Tokens per (map, key by equals), as the
 * other map hooks ({@link HandOffTokens}).
 *
 * <p>The function runs inside the call, so the release must come from inside it: the map is
 * given a wrapper that, once the program's function returned a value to install, releases the
 * key's token (before the map installs it), and for a remapping function acquires the token
 * first when it is handed an existing value. Maps of the JDK never expose the function; an
 * application's own ConcurrentMap (or a subclass overriding these methods) is handed the
 * wrapper instead of the caller's function. Receivers that are not concurrent maps get the
 * caller's function unchanged and record nothing (they promise no ordering).
 */
public final class MapComputeHooks {
    private MapComputeHooks() {}

    private static boolean concurrent(Map<?, ?> map, Object key, Object fn) {
        return map instanceof ConcurrentMap && key != null && fn != null;
    }

    private static void installing(Map<?, ?> map, Object key, Object value, int site, ThreadContext c) {
        if (value != null) {
            c.recorder.hbRelease(HandOffTokens.keyToken(map, key, c), site);
        }
    }

    /** The mapping function of computeIfAbsent: its result, when not null, is installed. */
    private static final class Installing implements Function<Object, Object> {
        private final Map<?, ?> map;
        private final Object key;
        private final Function<Object, Object> fn;
        private final int site;
        private Object installed;

        Installing(Map<?, ?> map, Object key, Function<Object, Object> fn, int site) {
            this.map = map;
            this.key = key;
            this.fn = fn;
            this.site = site;
        }

        @Override
        public Object apply(Object k) {
            Object value = fn.apply(k);
            installing(map, key, value, site, Recording.context());
            installed = value;
            return value;
        }
    }

    /**
     * The remapping function of compute, computeIfPresent ({@code (key, old)}) and merge
     * ({@code (old, given)}): a non-null old value is retrieved, a non-null result installed.
     */
    private record Remapping(Map<?, ?> map, Object key, BiFunction<Object, Object, Object> fn, boolean merging,
                             int site) implements BiFunction<Object, Object, Object> {

        @Override
        public Object apply(Object first, Object second) {
            ThreadContext c = Recording.context();
            if ((merging ? first : second) != null) {
                HandOffTokens.acquireKey(map, key, site, c);
            }
            Object value = fn.apply(first, second);
            installing(map, key, value, site, c);
            return value;
        }
    }

    /**
     * Installs (releasing after the mapping function built the value) only when absent; a value
     * that was already there, or that another thread installed first, is retrieved.
     */
    @SuppressWarnings("unchecked")
    public static Object computeIfAbsent(Map<?, ?> map, Object key, Function<?, ?> fn, int site, ThreadContext c) {
        Map<Object, Object> m = (Map<Object, Object>) map;
        if (!concurrent(map, key, fn)) {
            return m.computeIfAbsent(key, (Function<Object, Object>) fn);
        }
        Installing installing = new Installing(map, key, (Function<Object, Object>) fn, site);
        Object value = m.computeIfAbsent(key, installing);
        if (value != null && value != installing.installed) {
            HandOffTokens.acquireKey(map, key, site, c);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Object computeIfPresent(Map<?, ?> map, Object key, BiFunction<?, ?, ?> fn, int site,
                                          ThreadContext c) {
        Map<Object, Object> m = (Map<Object, Object>) map;
        BiFunction<Object, Object, Object> f = (BiFunction<Object, Object, Object>) fn;
        return m.computeIfPresent(key, concurrent(map, key, fn) ? new Remapping(map, key, f, false, site) : f);
    }

    @SuppressWarnings("unchecked")
    public static Object compute(Map<?, ?> map, Object key, BiFunction<?, ?, ?> fn, int site, ThreadContext c) {
        Map<Object, Object> m = (Map<Object, Object>) map;
        BiFunction<Object, Object, Object> f = (BiFunction<Object, Object, Object>) fn;
        return m.compute(key, concurrent(map, key, fn) ? new Remapping(map, key, f, false, site) : f);
    }

    /**
     * When the key is absent, merge installs the given value without calling the function: the
     * caller's actions before the call are released for it, before the call (also when the key
     * was present: the function is handed the given value, which it usually folds into the
     * result). When present, the function's call is a retrieval of the old value and its result
     * an update.
     */
    @SuppressWarnings("unchecked")
    public static Object merge(Map<?, ?> map, Object key, Object value, BiFunction<?, ?, ?> fn, int site,
                               ThreadContext c) {
        Map<Object, Object> m = (Map<Object, Object>) map;
        BiFunction<Object, Object, Object> f = (BiFunction<Object, Object, Object>) fn;
        if (!concurrent(map, key, fn)) {
            return m.merge(key, value, f);
        }
        installing(map, key, value, site, c);
        return m.merge(key, value, new Remapping(map, key, f, true, site));
    }

    /** Replaces only a present mapping: an update of the key then, and a retrieval of the old value. */
    @SuppressWarnings("unchecked")
    public static Object replace(Map<?, ?> map, Object key, Object value, int site, ThreadContext c) {
        Map<Object, Object> m = (Map<Object, Object>) map;
        if (!concurrent(map, key, value)) {
            return m.replace(key, value);
        }
        if (m.get(key) != null) {
            installing(map, key, value, site, c);
        }
        Object previous = m.replace(key, value);
        if (previous != null) {
            HandOffTokens.acquireKey(map, key, site, c);
        }
        return previous;
    }

    /** Replaces only a mapping to {@code expected}: when it did, an update and a retrieval. */
    @SuppressWarnings("unchecked")
    public static boolean replace(Map<?, ?> map, Object key, Object expected, Object value, int site,
                                  ThreadContext c) {
        Map<Object, Object> m = (Map<Object, Object>) map;
        if (!concurrent(map, key, value)) {
            return m.replace(key, expected, value);
        }
        Object current = m.get(key);
        if (current != null && current.equals(expected)) {
            installing(map, key, value, site, c);
        }
        boolean replaced = m.replace(key, expected, value);
        if (replaced) {
            HandOffTokens.acquireKey(map, key, site, c);
        }
        return replaced;
    }

    /** Removes only a mapping to {@code expected}: when it did, a removal, as {@code remove(key)}. */
    public static boolean remove(Map<?, ?> map, Object key, Object expected, int site, ThreadContext c) {
        boolean removed = map.remove(key, expected);
        if (removed && map instanceof ConcurrentMap && key != null) {
            HandOffTokens.acquireKey(map, key, site, c);
            HandOffTokens.forgetKey(map, key, c);
        }
        return removed;
    }
}
