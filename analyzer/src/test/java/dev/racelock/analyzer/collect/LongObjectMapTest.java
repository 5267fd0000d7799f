package dev.racelock.analyzer.collect;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** LongObjectMap against java.util.HashMap: probing, growth and backward-shift deletion. */
class LongObjectMapTest {

    @Test
    void agreesWithHashMapOverRandomPutsRemovesAndCreations() {
        LongObjectMap<String> map = new LongObjectMap<>(2);
        Map<Long, String> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            // Few distinct keys, many of them multiples of the table size: long probe chains, so
            // deletions shift entries back across the chain and across the table's end.
            long key = random.nextInt(600) * 1024L - 300 * 1024L;
            String value = "v" + step;
            switch (random.nextInt(4)) {
                case 0 -> assertEquals(expected.put(key, value), map.put(key, value));
                case 1 -> assertEquals(expected.remove(key), map.remove(key));
                case 2 -> assertEquals(expected.computeIfAbsent(key, k -> value), map.computeIfAbsent(key, () -> value));
                default -> assertEquals(expected.get(key), map.get(key));
            }
            assertEquals(expected.size(), map.size());
        }
        Map<Long, String> seen = new HashMap<>();
        map.forEach(seen::put);
        assertEquals(expected, seen);
    }

    @Test
    void computeIfAbsentCreatesOnlyWhenTheKeyIsMissing() {
        LongObjectMap<StringBuilder> map = new LongObjectMap<>();
        StringBuilder first = map.computeIfAbsent(5, StringBuilder::new);
        assertSame(first, map.computeIfAbsent(5, () -> {
            throw new AssertionError("created again");
        }));
        assertSame(first, map.get(5));
        assertEquals(1, map.size());
    }

    @Test
    void nullValuesAreRefused() {
        LongObjectMap<String> map = new LongObjectMap<>();
        assertThrows(IllegalArgumentException.class, () -> map.put(1, null));
        assertThrows(IllegalArgumentException.class, () -> map.computeIfAbsent(1, () -> null));
        assertNull(map.get(1));
        assertEquals(0, map.size());
    }
}
