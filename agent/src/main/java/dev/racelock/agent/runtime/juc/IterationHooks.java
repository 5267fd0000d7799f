package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.WeakIdentityMap;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Iteration of concurrent collections (java.util.concurrent package summary: placing an element
 * into a concurrent collection happens-before its access in another thread; an iterator, a
 * {@code forEach} or a stream accesses each element it returns). Seeing an element is a peek:
 * the token of THAT element is acquired, never consumed, and nothing else is (an edge to
 * elements the iteration did not return could hide a race).
 *
 * <p>Which token: queues and deques, the element's insertion (only when exactly one insertion
 * of it is queued: an iterator does not say which occurrence it returned); copy-on-write lists
 * and sets, {@code ConcurrentSkipListSet} and {@code ConcurrentHashMap.newKeySet()}, the
 * (collection, element by {@code equals}) token {@code add} released; the {@code keySet()} and
 * {@code entrySet()} views of a {@code ConcurrentMap}, the map's token of that key. A value seen
 * through {@code values()} does not say its key, so it acquires nothing (iterate
 * {@code entrySet()} to hand values off).
 *
 * <p>Nothing is wrapped that the program can see: a view is bound to its map where recorded
 * code obtains it ({@link #keySet} ...), an iterator to its source where recorded code creates
 * it ({@link #iterator}), and {@code next()} looks the binding up only for iterators of
 * java.util.concurrent classes (a {@link ClassValue} test first, so an {@code ArrayList} loop
 * pays a static call and that test). {@code forEach} and {@code stream()} of a JDK concurrent
 * collection get a wrapped consumer or spliterator, which only the JDK collection sees.
 */
public final class IterationHooks {
    private IterationHooks() {}

    /** How an element seen in a source is handed off; a source is (container id << 3 | kind). */
    private static final int INSERTIONS = 1;
    private static final int ELEMENTS = 2;
    private static final int KEYS = 3;
    private static final int ENTRIES = 4;
    /** A JDK view class whose map is known only by binding (values() views never are). */
    private static final int VIEW = 5;

    private static final WeakIdentityMap VIEWS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);
    private static final WeakIdentityMap ITERATORS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);

    private static final ClassValue<Integer> KIND = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            if (BlockingQueue.class.isAssignableFrom(type) || ConcurrentLinkedQueue.class.isAssignableFrom(type)
                    || ConcurrentLinkedDeque.class.isAssignableFrom(type)) {
                return INSERTIONS;
            }
            if (CopyOnWriteArrayList.class.isAssignableFrom(type) || CopyOnWriteArraySet.class.isAssignableFrom(type)
                    || ConcurrentSkipListSet.class.isAssignableFrom(type)
                    || ConcurrentHashMap.KeySetView.class.isAssignableFrom(type)) {
                return ELEMENTS;
            }
            String name = type.getName();
            boolean view = type.getClassLoader() == null && (name.startsWith("java.util.concurrent.ConcurrentHashMap$")
                    || name.startsWith("java.util.concurrent.ConcurrentSkipListMap$"));
            return view ? VIEW : 0;
        }
    };

    /** Iterators whose next() may be bound: those of java.util.concurrent classes. */
    private static final ClassValue<Boolean> CONCURRENT_ITERATOR = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getClassLoader() == null && type.getName().startsWith("java.util.concurrent.");
        }
    };

    /** The source an iteration of {@code iterable} sees elements of, or 0 if it hands nothing off. */
    private static long source(Object iterable, ThreadContext c) {
        if (iterable == null) {
            return 0;
        }
        int kind = KIND.get(iterable.getClass());
        if (kind == 0) {
            return 0;
        }
        boolean mayBeBound = kind == VIEW || iterable instanceof ConcurrentHashMap.KeySetView;
        long bound = mayBeBound ? VIEWS.getUnlocked(iterable) : 0;
        if (bound != 0) {
            return bound;
        }
        return kind == VIEW ? 0 : (ObjectIds.of(iterable, -1, c) << 3) | kind;
    }

    /** An element seen in {@code source}: acquire its token, without consuming it. */
    private static void seen(long source, Object element, int site, ThreadContext c) {
        if (element == null) {
            return;
        }
        long container = source >>> 3;
        switch ((int) (source & 7)) {
            case INSERTIONS -> {
                long token = HandOffTokens.soleInsertion(container, element, c);
                if (token != 0) {
                    c.recorder.hbAcquire(token, site);
                }
            }
            case ELEMENTS, KEYS -> HandOffTokens.acquireKey(container, element, site, c);
            case ENTRIES -> {
                if (element instanceof Map.Entry<?, ?> entry) {
                    HandOffTokens.acquireKey(container, entry.getKey(), site, c);
                }
            }
            default -> { }
        }
    }

    // ---- map views: bound to their map where recorded code obtains them ------------------------

    private static <V> V view(Map<?, ?> map, V view, int kind, ThreadContext c) {
        if (map instanceof ConcurrentMap && view != null) {
            long source = (ObjectIds.of(map, -1, c) << 3) | kind;
            if (VIEWS.getUnlocked(view) != source) { // the JDK maps hand out one view each: bind it once
                VIEWS.bind(view, source, true);
            }
        }
        return view;
    }

    public static Set<?> keySet(Map<?, ?> map, int site, ThreadContext c) {
        return view(map, map.keySet(), KEYS, c);
    }

    public static ConcurrentHashMap.KeySetView<?, ?> keySet(ConcurrentHashMap<?, ?> map, int site, ThreadContext c) {
        return view(map, map.keySet(), KEYS, c);
    }

    public static java.util.NavigableSet<?> keySet(java.util.concurrent.ConcurrentNavigableMap<?, ?> map, int site,
                                                  ThreadContext c) {
        return view(map, map.keySet(), KEYS, c);
    }

    public static java.util.NavigableSet<?> navigableKeySet(java.util.concurrent.ConcurrentNavigableMap<?, ?> map,
                                                           int site, ThreadContext c) {
        return view(map, map.navigableKeySet(), KEYS, c);
    }

    public static java.util.NavigableSet<?> descendingKeySet(java.util.concurrent.ConcurrentNavigableMap<?, ?> map,
                                                            int site, ThreadContext c) {
        return view(map, map.descendingKeySet(), KEYS, c);
    }

    public static Set<?> entrySet(Map<?, ?> map, int site, ThreadContext c) {
        return view(map, map.entrySet(), ENTRIES, c);
    }

    // ---- iterators -----------------------------------------------------------------------------

    public static Iterator<?> iterator(Iterable<?> iterable, int site, ThreadContext c) {
        Iterator<?> it = iterable.iterator();
        long source = source(iterable, c);
        if (source != 0 && it != null) {
            ITERATORS.bind(it, source, true);
        }
        return it;
    }

    public static Object next(Iterator<?> it, int site, ThreadContext c) {
        Object element = it.next();
        if (element != null && CONCURRENT_ITERATOR.get(it.getClass())) {
            long source = ITERATORS.getUnlocked(it);
            if (source != 0) {
                seen(source, element, site, c);
            }
        }
        return element;
    }

    // ---- forEach and stream(): the JDK collection calls our consumer, which acquires first ----------

    private static boolean jdk(Object o) {
        return o.getClass().getClassLoader() == null;
    }

    @SuppressWarnings("unchecked")
    public static void forEach(Iterable<?> iterable, Consumer<?> action, int site, ThreadContext c) {
        long source = action == null || !jdk(iterable) ? 0 : source(iterable, c);
        if (source == 0) {
            ((Iterable<Object>) iterable).forEach((Consumer<Object>) action);
            return;
        }
        Consumer<Object> consumer = (Consumer<Object>) action;
        ((Iterable<Object>) iterable).forEach(e -> {
            seen(source, e, site, c);
            consumer.accept(e);
        });
    }

    @SuppressWarnings("unchecked")
    public static void forEach(Map<?, ?> map, BiConsumer<?, ?> action, int site, ThreadContext c) {
        if (action == null || !(map instanceof ConcurrentMap) || !jdk(map)) {
            ((Map<Object, Object>) map).forEach((BiConsumer<Object, Object>) action);
            return;
        }
        long source = (ObjectIds.of(map, site, c) << 3) | KEYS;
        BiConsumer<Object, Object> consumer = (BiConsumer<Object, Object>) action;
        ((Map<Object, Object>) map).forEach((k, v) -> {
            seen(source, k, site, c);
            consumer.accept(k, v);
        });
    }

    /**
     * {@code Collection.stream()} is {@code StreamSupport.stream(spliterator(), false)} for every
     * JDK concurrent collection and view ({@code parallelStream()} the same with {@code true});
     * ours passes the same spliterator, wrapped so that each
     * element it hands to the pipeline acquires first, in the thread that sees it (a parallel
     * stream's worker after {@code trySplit}).
     */
    public static Stream<?> stream(Collection<?> collection, int site, ThreadContext c) {
        return stream(collection, false, site, c);
    }

    public static Stream<?> parallelStream(Collection<?> collection, int site, ThreadContext c) {
        return stream(collection, true, site, c);
    }

    @SuppressWarnings("unchecked")
    private static Stream<?> stream(Collection<?> collection, boolean parallel, int site, ThreadContext c) {
        long source = jdk(collection) ? source(collection, c) : 0;
        if (source == 0) {
            return parallel ? collection.parallelStream() : collection.stream();
        }
        return StreamSupport.stream(new SeenSpliterator((Spliterator<Object>) collection.spliterator(), source, site),
                parallel);
    }

    /** Delegates everything; each element passed on is {@link #seen} first. */
    private record SeenSpliterator(Spliterator<Object> delegate, long source, int site) implements Spliterator<Object> {
        private Consumer<Object> seeing(Consumer<? super Object> action) {
            return e -> {
                seen(source, e, site, Recording.context());
                action.accept(e);
            };
        }

        @Override
        public boolean tryAdvance(Consumer<? super Object> action) {
            return delegate.tryAdvance(seeing(action));
        }

        @Override
        public void forEachRemaining(Consumer<? super Object> action) {
            delegate.forEachRemaining(seeing(action));
        }

        @Override
        public Spliterator<Object> trySplit() {
            Spliterator<Object> split = delegate.trySplit();
            return split == null ? null : new SeenSpliterator(split, source, site);
        }

        @Override
        public long estimateSize() {
            return delegate.estimateSize();
        }

        @Override
        public long getExactSizeIfKnown() {
            return delegate.getExactSizeIfKnown();
        }

        @Override
        public int characteristics() {
            return delegate.characteristics();
        }

        @Override
        public java.util.Comparator<? super Object> getComparator() {
            return delegate.getComparator();
        }
    }
}
