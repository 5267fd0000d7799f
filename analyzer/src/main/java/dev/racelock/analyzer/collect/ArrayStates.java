package dev.racelock.analyzer.collect;

import java.util.function.Supplier;

/**
 * The element states of every array an analysis follows ({@link ElementRuns}, by array id), with
 * a small cache of the arrays used last in front of the map: loops copy from one array to another
 * or walk two side by side, so consecutive accesses alternate between a few arrays, and a map
 * lookup per access (a cache miss on a large table) would cost more than the element's state.
 *
 * @param <S> the state of an element
 */
public final class ArrayStates<S extends ElementRuns.State<S>> {

    /**
     * Entries of the cache (a power of two), direct-mapped by array id. On the Jetty workload's
     * trace (162 M element accesses, up to 100,000 live arrays) 8 entries miss 1.4% of the
     * accesses and 64 miss 0.5%: a third of the map lookups, each a cache miss, for 1 KB.
     */
    private static final int CACHED = 64;
    /** Fibonacci hashing (Knuth 6.4) of the id to one of the entries. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Supplier<S> fresh;
    private final LongObjectMap<ElementRuns<S>> arrays = new LongObjectMap<>();
    private final long[] cachedIds = new long[CACHED];
    private final ElementRuns<?>[] cached = new ElementRuns<?>[CACHED];

    /** @param fresh a new state of an element never accessed */
    public ArrayStates(Supplier<S> fresh) {
        this.fresh = fresh;
    }

    private static int entry(long array) {
        return (int) ((array * GOLDEN) >>> (64 - Integer.numberOfTrailingZeros(CACHED)));
    }

    /** The array's element states, created on first use. */
    public ElementRuns<S> of(long array) {
        ElementRuns<S> runs = find(array);
        if (runs == null) {
            runs = new ElementRuns<>(fresh);
            arrays.put(array, runs);
            int e = entry(array);
            cachedIds[e] = array;
            cached[e] = runs;
        }
        return runs;
    }

    /** The array's element states, or null when none of its elements was accessed. */
    @SuppressWarnings("unchecked")
    public ElementRuns<S> find(long array) {
        int e = entry(array);
        ElementRuns<?> c = cached[e];
        if (c != null && cachedIds[e] == array) {
            return (ElementRuns<S>) c;
        }
        ElementRuns<S> runs = arrays.get(array);
        if (runs != null) {
            cachedIds[e] = array;
            cached[e] = runs;
        }
        return runs;
    }

    /** Forgets the array (collected, or followed otherwise from now on); returns its states, or null. */
    public ElementRuns<S> remove(long array) {
        int e = entry(array);
        if (cached[e] != null && cachedIds[e] == array) {
            cached[e] = null;
        }
        return arrays.remove(array);
    }

    /** Arrays with element states. */
    public int arrays() {
        return arrays.size();
    }

    /** Runs kept over all arrays. */
    public long runs() {
        long[] n = {0};
        arrays.forEachValue(a -> n[0] += a.runs());
        return n[0];
    }
}
