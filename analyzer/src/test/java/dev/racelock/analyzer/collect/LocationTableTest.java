package dev.racelock.analyzer.collect;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class LocationTableTest {

    private static final class Cell extends KeyedLocation {
        Cell(long object, int slot) {
            super(object, slot);
        }
    }

    /**
     * Random lookups, creations and frees over more locations than the cache of recent ones has
     * entries, mirrored in a plain map: every lookup finds the one state of its key, and a freed
     * object's states are gone from the cache too.
     */
    @Test
    void everyLookupFindsTheStateOfItsKeyThroughTheCacheOfRecentOnes() {
        LocationTable<Cell> table = new LocationTable<>(Cell::new);
        Map<String, Cell> mirror = new HashMap<>();
        Random random = new Random(15);
        for (int step = 0; step < 200_000; step++) {
            long object = random.nextInt(3_000);
            int slot = random.nextInt(40);
            String key = object + "." + slot;
            int op = random.nextInt(100);
            if (op < 2) {
                table.free(object);
                mirror.keySet().removeIf(k -> k.startsWith(object + "."));
            } else if (op < 40) {
                assertSame(mirror.get(key), table.find(object, slot), key);
            } else {
                Cell c = table.get(object, slot);
                Cell known = mirror.putIfAbsent(key, c);
                if (known != null) {
                    assertSame(known, c, key);
                }
                assertEquals(object, c.object);
                assertEquals(slot, c.slot);
            }
        }
        assertEquals(mirror.size(), table.size());
    }

    @Test
    void freeingAnObjectForgetsTheLocationLookedUpLast() {
        LocationTable<Cell> table = new LocationTable<>(Cell::new);
        Cell before = table.get(7, 3);
        assertSame(before, table.get(7, 3));
        table.free(7);
        assertNull(table.find(7, 3));
        assertNotSame(before, table.get(7, 3));
    }
}
