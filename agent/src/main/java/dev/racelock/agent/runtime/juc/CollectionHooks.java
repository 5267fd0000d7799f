package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ThreadContext;

import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;

/**
 * Concurrent queues and maps (java.util.concurrent package summary: actions prior to placing an
 * object into a concurrent collection happen-before actions subsequent to the access or removal
 * of that element from the collection in another thread). Tokens: {@link HandOffTokens}.
 * {@code TransferQueue.transfer}/{@code tryTransfer} are insertions; {@code drainTo} removes
 * each element it moved ({@link DrainedElements}); iteration is in {@link IterationHooks}, the
 * compute family of maps in {@link MapComputeHooks}.
 *
 * <p>The hooks match every {@code Queue}/{@code Map} call in recorded code (the static type at
 * the call site says little); only receivers that are concurrent collections hand anything
 * off. A {@code HashMap} or {@code ArrayDeque} promises nothing, so recording an edge for it
 * would hide the very races it has.
 */
public final class CollectionHooks {
    private CollectionHooks() {}

    private static boolean concurrent(Queue<?> queue) {
        return queue instanceof BlockingQueue || queue instanceof ConcurrentLinkedQueue
                || queue instanceof ConcurrentLinkedDeque;
    }

    // ---- queue insertion: release a fresh token of (queue, element) before -----------------------

    private static long inserting(Queue<?> queue, Object element, int site, ThreadContext c) {
        if (element == null || !concurrent(queue)) {
            return 0;
        }
        long token = HandOffTokens.inserting(queue, element, c);
        c.recorder.hbRelease(token, site);
        return token;
    }

    private static boolean inserted(boolean ok, Queue<?> queue, Object element, long token, ThreadContext c) {
        if (!ok && token != 0) {
            HandOffTokens.notInserted(queue, element, token, c);
        }
        return ok;
    }

    /** One insertion: true if the element went in (a void insertion that returns did). */
    private interface Insertion<X extends Throwable> {
        boolean insert() throws X;
    }

    /** Releases the insertion's token before it, and withdraws the token if it failed or threw. */
    private static <X extends Throwable> boolean insert(Queue<?> queue, Object element, int site, ThreadContext c,
                                                        Insertion<X> insertion) throws X {
        long token = inserting(queue, element, site, c);
        boolean ok = false;
        try {
            ok = insertion.insert();
            return ok;
        } finally {
            inserted(ok, queue, element, token, c);
        }
    }

    @SuppressWarnings("unchecked")
    public static boolean offer(Queue<?> queue, Object element, int site, ThreadContext c) {
        long token = inserting(queue, element, site, c);
        return inserted(((Queue<Object>) queue).offer(element), queue, element, token, c);
    }

    @SuppressWarnings("unchecked")
    public static boolean add(Queue<?> queue, Object element, int site, ThreadContext c) {
        return insert(queue, element, site, c, () -> ((Queue<Object>) queue).add(element));
    }

    @SuppressWarnings("unchecked")
    public static void put(BlockingQueue<?> queue, Object element, int site, ThreadContext c)
            throws InterruptedException {
        insert(queue, element, site, c, () -> {
            ((BlockingQueue<Object>) queue).put(element);
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    public static boolean offer(BlockingQueue<?> queue, Object element, long timeout, TimeUnit unit, int site,
                                ThreadContext c) throws InterruptedException {
        return insert(queue, element, site, c, () -> ((BlockingQueue<Object>) queue).offer(element, timeout, unit));
    }

    // ---- TransferQueue: insertions that wait for a consumer ---------------------------------------

    @SuppressWarnings("unchecked")
    public static void transfer(TransferQueue<?> queue, Object element, int site, ThreadContext c)
            throws InterruptedException {
        insert(queue, element, site, c, () -> {
            ((TransferQueue<Object>) queue).transfer(element);
            return true;
        });
    }

    /** False: no consumer was waiting and the element was not enqueued, so its token is withdrawn. */
    @SuppressWarnings("unchecked")
    public static boolean tryTransfer(TransferQueue<?> queue, Object element, int site, ThreadContext c) {
        return insert(queue, element, site, c, () -> ((TransferQueue<Object>) queue).tryTransfer(element));
    }

    /** False: the wait timed out and the element was taken back out of the queue. */
    @SuppressWarnings("unchecked")
    public static boolean tryTransfer(TransferQueue<?> queue, Object element, long timeout, TimeUnit unit, int site,
                                      ThreadContext c) throws InterruptedException {
        return insert(queue, element, site, c,
                () -> ((TransferQueue<Object>) queue).tryTransfer(element, timeout, unit));
    }

    // ---- queue removal and access: acquire the token of that element's insertion after ---------

    private static Object taken(Queue<?> queue, Object element, boolean removal, int site, ThreadContext c) {
        if (element != null && concurrent(queue)) {
            long token = HandOffTokens.taken(queue, element, removal, c);
            if (token != 0) {
                c.recorder.hbAcquire(token, site);
            }
        }
        return element;
    }

    public static Object poll(Queue<?> queue, int site, ThreadContext c) {
        return taken(queue, queue.poll(), true, site, c);
    }

    public static Object remove(Queue<?> queue, int site, ThreadContext c) {
        return taken(queue, queue.remove(), true, site, c);
    }

    public static Object peek(Queue<?> queue, int site, ThreadContext c) {
        return taken(queue, queue.peek(), false, site, c);
    }

    public static Object element(Queue<?> queue, int site, ThreadContext c) {
        return taken(queue, queue.element(), false, site, c);
    }

    public static Object take(BlockingQueue<?> queue, int site, ThreadContext c) throws InterruptedException {
        return taken(queue, queue.take(), true, site, c);
    }

    public static Object poll(BlockingQueue<?> queue, long timeout, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        return taken(queue, queue.poll(timeout, unit), true, site, c);
    }

    // ---- drainTo: every element moved acquires its insertion, as a removal ------------------------

    @SuppressWarnings("unchecked")
    public static int drainTo(BlockingQueue<?> queue, Collection<?> target, int site, ThreadContext c) {
        Collection<Object> into = (Collection<Object>) target;
        return drained(queue, target, site, c, () -> ((BlockingQueue<Object>) queue).drainTo(into));
    }

    @SuppressWarnings("unchecked")
    public static int drainTo(BlockingQueue<?> queue, Collection<?> target, int max, int site, ThreadContext c) {
        Collection<Object> into = (Collection<Object>) target;
        return drained(queue, target, site, c, () -> ((BlockingQueue<Object>) queue).drainTo(into, max));
    }

    private static int drained(BlockingQueue<?> queue, Collection<?> target, int site, ThreadContext c,
                               java.util.function.IntSupplier drain) {
        DrainedElements moved = DrainedElements.before(queue, target);
        int count = drain.getAsInt();
        if (moved != null) {
            for (Object element : moved.after(count)) {
                taken(queue, element, true, site, c);
            }
        }
        return count;
    }

    // ---- concurrent maps: one token per (map, key) ------------------------------------------------

    private static void putting(Map<?, ?> map, Object key, int site, ThreadContext c) {
        if (map instanceof ConcurrentMap && key != null) {
            c.recorder.hbRelease(HandOffTokens.keyToken(map, key, c), site);
        }
    }

    private static <V> V accessed(Map<?, ?> map, Object key, V value, int site, ThreadContext c) {
        if (value != null && map instanceof ConcurrentMap) {
            HandOffTokens.acquireKey(map, key, site, c);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Object put(Map<?, ?> map, Object key, Object value, int site, ThreadContext c) {
        putting(map, key, site, c);
        return ((Map<Object, Object>) map).put(key, value);
    }

    @SuppressWarnings("unchecked")
    public static Object putIfAbsent(Map<?, ?> map, Object key, Object value, int site, ThreadContext c) {
        boolean absent = map instanceof ConcurrentMap && key != null && map.get(key) == null;
        if (absent) {
            putting(map, key, site, c);
        }
        Object previous = ((Map<Object, Object>) map).putIfAbsent(key, value);
        return accessed(map, key, previous, site, c);
    }

    public static Object get(Map<?, ?> map, Object key, int site, ThreadContext c) {
        return accessed(map, key, map.get(key), site, c);
    }

    @SuppressWarnings("unchecked")
    public static Object getOrDefault(Map<?, ?> map, Object key, Object fallback, int site, ThreadContext c) {
        Object value = map.get(key);
        accessed(map, key, value, site, c);
        return value != null ? value : ((Map<Object, Object>) map).getOrDefault(key, fallback);
    }

    public static boolean containsKey(Map<?, ?> map, Object key, int site, ThreadContext c) {
        boolean present = map.containsKey(key);
        if (present) {
            accessed(map, key, Boolean.TRUE, site, c);
        }
        return present;
    }

    /**
     * A removed key's token is forgotten once acquired: the table would otherwise hold every key
     * a long-lived map ever had (and keep those objects alive). A put of the key racing with the
     * removal may see its release forgotten: a missed edge, never a hidden race.
     */
    public static Object remove(Map<?, ?> map, Object key, int site, ThreadContext c) {
        Object removed = accessed(map, key, map.remove(key), site, c);
        if (removed != null && map instanceof ConcurrentMap) {
            HandOffTokens.forgetKey(map, key, c);
        }
        return removed;
    }

    // ---- deques: both ends, the same per-insertion tokens ---------------------------------------

    @SuppressWarnings("unchecked")
    public static boolean offerFirst(Deque<?> deque, Object element, int site, ThreadContext c) {
        long token = inserting(deque, element, site, c);
        return inserted(((Deque<Object>) deque).offerFirst(element), deque, element, token, c);
    }

    @SuppressWarnings("unchecked")
    public static boolean offerLast(Deque<?> deque, Object element, int site, ThreadContext c) {
        long token = inserting(deque, element, site, c);
        return inserted(((Deque<Object>) deque).offerLast(element), deque, element, token, c);
    }

    @SuppressWarnings("unchecked")
    public static void addFirst(Deque<?> deque, Object element, int site, ThreadContext c) {
        insert(deque, element, site, c, () -> {
            ((Deque<Object>) deque).addFirst(element);
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    public static void addLast(Deque<?> deque, Object element, int site, ThreadContext c) {
        insert(deque, element, site, c, () -> {
            ((Deque<Object>) deque).addLast(element);
            return true;
        });
    }

    public static void push(Deque<?> deque, Object element, int site, ThreadContext c) {
        addFirst(deque, element, site, c);
    }

    @SuppressWarnings("unchecked")
    public static void putFirst(BlockingDeque<?> deque, Object element, int site, ThreadContext c)
            throws InterruptedException {
        insert(deque, element, site, c, () -> {
            ((BlockingDeque<Object>) deque).putFirst(element);
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    public static void putLast(BlockingDeque<?> deque, Object element, int site, ThreadContext c)
            throws InterruptedException {
        insert(deque, element, site, c, () -> {
            ((BlockingDeque<Object>) deque).putLast(element);
            return true;
        });
    }

    public static Object pollFirst(Deque<?> deque, int site, ThreadContext c) {
        return taken(deque, deque.pollFirst(), true, site, c);
    }

    public static Object pollLast(Deque<?> deque, int site, ThreadContext c) {
        return taken(deque, deque.pollLast(), true, site, c);
    }

    public static Object removeFirst(Deque<?> deque, int site, ThreadContext c) {
        return taken(deque, deque.removeFirst(), true, site, c);
    }

    public static Object removeLast(Deque<?> deque, int site, ThreadContext c) {
        return taken(deque, deque.removeLast(), true, site, c);
    }

    public static Object pop(Deque<?> deque, int site, ThreadContext c) {
        return taken(deque, deque.pop(), true, site, c);
    }

    public static Object peekFirst(Deque<?> deque, int site, ThreadContext c) {
        return taken(deque, deque.peekFirst(), false, site, c);
    }

    public static Object peekLast(Deque<?> deque, int site, ThreadContext c) {
        return taken(deque, deque.peekLast(), false, site, c);
    }

    public static Object takeFirst(BlockingDeque<?> deque, int site, ThreadContext c) throws InterruptedException {
        return taken(deque, deque.takeFirst(), true, site, c);
    }

    public static Object takeLast(BlockingDeque<?> deque, int site, ThreadContext c) throws InterruptedException {
        return taken(deque, deque.takeLast(), true, site, c);
    }

    // ---- copy-on-write lists and sets, concurrent sets: one token per (collection, element by equals) --

    private static boolean concurrentCollection(Collection<?> collection) {
        return collection instanceof CopyOnWriteArrayList || collection instanceof CopyOnWriteArraySet
                || collection instanceof ConcurrentSkipListSet || collection instanceof ConcurrentHashMap.KeySetView
                || (collection != null && collection.getClass() == SET_FROM_MAP
                        && HandOffTokens.isSetOfConcurrentMap(collection));
    }

    /** The class of Collections.newSetFromMap's sets (private to java.util). */
    private static final Class<?> SET_FROM_MAP = Collections.newSetFromMap(new HashMap<>()).getClass();

    /**
     * {@code Collections.newSetFromMap(map)} (static): a set over a ConcurrentMap is the map's
     * keys, each {@code add} a {@code putIfAbsent} and each {@code contains} a
     * {@code containsKey}, so it keeps the map's hand-offs (ConcurrentMap's memory consistency
     * note): it is recorded as the concurrent sets are, per (set, element by equals).
     */
    public static <E> Set<E> newSetFromMap(Map<E, Boolean> map, int site, ThreadContext c) {
        Set<E> set = Collections.newSetFromMap(map);
        if (map instanceof ConcurrentMap) {
            HandOffTokens.bindSetOfConcurrentMap(set);
        }
        return set;
    }

    /** Collection.add of a list or set (queues have their own hook, registered first). */
    @SuppressWarnings("unchecked")
    public static boolean add(Collection<?> collection, Object element, int site, ThreadContext c) {
        if (element != null && concurrentCollection(collection)) {
            c.recorder.hbRelease(HandOffTokens.keyToken(collection, element, c), site);
        }
        return ((Collection<Object>) collection).add(element);
    }

    /**
     * {@code addAll(source)} into a concurrent queue, copy-on-write list or set: each element's
     * insertion, as {@code add} of it. The elements are read off a JDK source only (reading an
     * application collection would run its code where the program does not); a queue's tokens
     * are all withdrawn if the call throws partway (which went in is unknown: a missed edge,
     * never a wrong one).
     */
    @SuppressWarnings("unchecked")
    public static boolean addAll(Collection<?> collection, Collection<?> source, int site, ThreadContext c) {
        boolean queue = collection instanceof Queue<?> q && concurrent(q);
        Object[] elements = source == null || source == collection || source.getClass().getClassLoader() != null
                || !(queue || concurrentCollection(collection)) ? null : source.toArray();
        if (elements == null) {
            return ((Collection<Object>) collection).addAll(source);
        }
        long[] tokens = new long[elements.length];
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null) {
                continue;
            }
            if (queue) {
                tokens[i] = inserting((Queue<?>) collection, elements[i], site, c);
            } else {
                c.recorder.hbRelease(HandOffTokens.keyToken(collection, elements[i], c), site);
            }
        }
        boolean done = false;
        try {
            boolean changed = ((Collection<Object>) collection).addAll(source);
            done = true;
            return changed;
        } finally {
            for (int i = 0; queue && !done && i < elements.length; i++) {
                inserted(false, (Queue<?>) collection, elements[i], tokens[i], c);
            }
        }
    }

    /**
     * {@code contains} that found the element is an access of it: for a concurrent queue, of the
     * oldest insertion of that very object (as {@code peek}); for a set or list, of its
     * (collection, element) token.
     */
    public static boolean contains(Collection<?> collection, Object element, int site, ThreadContext c) {
        boolean present = collection.contains(element);
        if (present) {
            if (collection instanceof Queue<?> queue && concurrent(queue)) {
                taken(queue, element, false, site, c);
            } else if (concurrentCollection(collection)) {
                HandOffTokens.acquireKey(collection, element, site, c);
            }
        }
        return present;
    }

    /**
     * {@code remove(element)} that removed it is a removal of it: for a concurrent queue
     * (ArrayBlockingQueue, LinkedBlockingQueue, PriorityBlockingQueue, subclasses ...), of the
     * oldest insertion of that very object, as {@code poll}; for a set or list, an access of its
     * token, which is then forgotten (as {@link #remove(Map, Object, int, ThreadContext)}). An
     * equal but distinct object removes an element racelock cannot name: nothing is acquired.
     */
    public static boolean remove(Collection<?> collection, Object element, int site, ThreadContext c) {
        boolean removed = collection.remove(element);
        if (removed) {
            if (collection instanceof Queue<?> queue && concurrent(queue)) {
                taken(queue, element, true, site, c);
            } else if (concurrentCollection(collection)) {
                HandOffTokens.acquireKey(collection, element, site, c);
                HandOffTokens.forgetKey(collection, element, c);
            }
        }
        return removed;
    }

    public static Object get(List<?> list, int index, int site, ThreadContext c) {
        Object element = list.get(index);
        if (element != null && list instanceof CopyOnWriteArrayList) {
            HandOffTokens.acquireKey(list, element, site, c);
        }
        return element;
    }
}
