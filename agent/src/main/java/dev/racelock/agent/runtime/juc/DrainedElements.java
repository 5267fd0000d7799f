package dev.racelock.agent.runtime.juc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.Vector;

/**
 * Which elements a {@code BlockingQueue.drainTo} moved into its target, found after the call
 * without changing what the program sees (the target is passed as it is, so the queue's
 * {@code c == this} check and the target's own {@code add} behave as without the agent).
 *
 * <p>Only targets of a few JDK classes are looked at, compared by exact class: their
 * {@code size} and iteration run no application code (a subclass or a wrapper could, and its
 * accesses would be recorded as if the program made them) and call no {@code equals} or
 * {@code hashCode}. A JDK list appends ({@code List.add}'s contract), so the moved elements are
 * the ones past the old size, found in O(moved) (a growth other than the count drained means
 * someone else changed the list meanwhile: nothing is acquired). Any other of those classes is
 * compared by identity with a snapshot taken before, in O(size), or taken whole if it was empty.
 * An element equal to one a set already held is not added there, so it is not found: a missed
 * edge, never an edge to an element that was not moved (that could hide a race). Any other
 * target (an application collection, a concurrent one other threads may add
 * to meanwhile) records no edges.
 */
final class DrainedElements {
    private static final Set<Class<?>> LISTS = Set.of(ArrayList.class, LinkedList.class, Vector.class);
    private static final Set<Class<?>> OTHERS = Set.of(ArrayDeque.class, HashSet.class, LinkedHashSet.class,
            TreeSet.class, PriorityQueue.class);

    private final Collection<?> target;
    private final int sizeBefore;
    /** Identity counts of the target before the drain; null when positions or emptiness tell. */
    private final IdentityHashMap<Object, int[]> snapshot;

    private DrainedElements(Collection<?> target, int sizeBefore, IdentityHashMap<Object, int[]> snapshot) {
        this.target = target;
        this.sizeBefore = sizeBefore;
        this.snapshot = snapshot;
    }

    /** Taken just before the drain; null if the target is not one we can look at. */
    static DrainedElements before(Object queue, Collection<?> target) {
        if (target == null || target == queue) {
            return null;
        }
        Class<?> type = target.getClass();
        boolean list = LISTS.contains(type);
        if (!list && !OTHERS.contains(type)) {
            return null;
        }
        int size = target.size();
        if (list || size == 0) {
            return new DrainedElements(target, size, null);
        }
        return new DrainedElements(target, size, counts(target));
    }

    private static IdentityHashMap<Object, int[]> counts(Collection<?> elements) {
        IdentityHashMap<Object, int[]> counts = new IdentityHashMap<>();
        for (Object e : elements) {
            counts.computeIfAbsent(e, k -> new int[1])[0]++;
        }
        return counts;
    }

    /** The elements the drain of {@code count} elements moved into the target (those we can name). */
    List<Object> after(int count) {
        int size = target.size();
        if (count <= 0) {
            return List.of();
        }
        if (target instanceof List<?> list) {
            // appended; another growth means someone else changed the list meanwhile: no guess
            return size - sizeBefore == count ? new ArrayList<>(list.subList(sizeBefore, size)) : List.of();
        }
        List<Object> moved = new ArrayList<>();
        IdentityHashMap<Object, int[]> remaining = snapshot == null ? new IdentityHashMap<>() : snapshot;
        for (Object e : target) {
            int[] left = remaining.get(e);
            if (left != null && left[0] > 0) {
                left[0]--;
            } else {
                moved.add(e);
            }
        }
        return moved.size() <= count ? moved : List.of();
    }
}
