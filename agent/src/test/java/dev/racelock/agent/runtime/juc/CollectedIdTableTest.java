package dev.racelock.agent.runtime.juc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A model's state per collected-object id: forgotten exactly when its object goes, whatever else goes. */
class CollectedIdTableTest {

    /**
     * Ids of objects the model never knew (collected arrays, JDK objects) change no count: an
     * entry whose id shares their bucket is still forgotten when its object goes. Fails when
     * {@code forget} uncounts without removing (the count would reach 0 and the entry stay).
     */
    @Test
    void idsWithoutAnEntryLeaveTheCountOfTheirBucket() {
        CollectedIdTable<String> table = new CollectedIdTable<>();
        long id = 7;
        table.computeIfAbsent(id, () -> "barrier");
        for (long k = 1; k <= 64; k++) {
            table.forget(id + (k << 40)); // the same bucket, an id with no entry
        }
        assertEquals("barrier", table.get(id));
        table.forget(id);
        assertNull(table.get(id));
    }

    @Test
    void anEntryIsMadeOnceAndCountedAgainWhenMadeAgain() {
        CollectedIdTable<Object> table = new CollectedIdTable<>();
        Object first = table.computeIfAbsent(3, Object::new);
        assertSame(first, table.computeIfAbsent(3, Object::new));
        table.forget(3);
        Object second = table.computeIfAbsent(3, Object::new);
        table.computeIfAbsent(3 + (1L << 40), Object::new); // another id of the bucket
        table.forget(3);
        assertNull(table.get(3), "the second entry was counted: forgetting it again removes it");
        assertEquals(Object.class, table.get(3 + (1L << 40)).getClass());
        assertNotSame(first, second);
    }
}
