package dev.racelock.agent.runtime.juc;

import org.junit.jupiter.api.Test;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which elements a drainTo moved, named only when that is certain. */
class DrainedElementsTest {
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Object a = new Object();
    private final Object b = new Object();

    @Test
    void appendedListElementsAreTheOnesPastTheOldSize() {
        List<Object> target = new ArrayList<>(List.of(a));
        DrainedElements moved = DrainedElements.before(queue, target);
        target.add(a); // the same object drained again: found by position, not identity
        target.add(b);
        assertEquals(List.of(a, b), moved.after(2));
    }

    @Test
    void listThatGrewByOtherThanTheCountNamesNothing() {
        List<Object> target = new ArrayList<>();
        DrainedElements moved = DrainedElements.before(queue, target);
        target.add(a);
        target.add(b);
        assertEquals(List.of(), moved.after(1), "someone else added too: which one was drained is unknown");
    }

    @Test
    void setIsComparedByIdentityWithItsSnapshot() {
        Set<Object> target = new HashSet<>(Set.of(a));
        DrainedElements moved = DrainedElements.before(queue, target);
        target.add(a); // already there: not found, a missed edge at worst
        target.add(b);
        assertEquals(List.of(b), moved.after(2));
    }

    @Test
    void applicationCollectionsAndTheQueueItselfAreNotLookedAt() {
        List<Object> own = new AbstractList<>() {
            @Override
            public Object get(int index) {
                throw new AssertionError("application code must not run");
            }

            @Override
            public int size() {
                throw new AssertionError("application code must not run");
            }
        };
        assertNull(DrainedElements.before(queue, own));
        assertNull(DrainedElements.before(queue, queue));
        assertNull(DrainedElements.before(queue, new LinkedBlockingQueue<>()));
    }
}
