package dev.racelock.analyzer.collect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class LocationStatesTest {

    private static final class Cell extends KeyedLocation {
        Cell(long object, int slot) {
            super(object, slot);
        }
    }

    /**
     * Random lookups and frees by five columns (the first one's states are the rows, the fifth
     * goes past the inline ones), each mirrored in a map of its own: each column finds exactly
     * its own states, as it would in a table of its own, and counts them.
     */
    @Test
    void eachColumnSeesOnlyItsOwnStates() {
        LocationStates table = new LocationStates();
        List<LocationStates.Column<Cell>> columns = new ArrayList<>();
        List<Map<String, Cell>> mirrors = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            columns.add(table.claim(Cell::new));
            mirrors.add(new HashMap<>());
        }
        Random random = new Random(13);
        for (int step = 0; step < 100_000; step++) {
            long object = random.nextInt(2_000);
            int slot = random.nextInt(20);
            String key = object + "." + slot;
            int c = random.nextInt(columns.size());
            int op = random.nextInt(100);
            if (op < 2) {
                table.free(object);
                for (Map<String, Cell> m : mirrors) {
                    m.keySet().removeIf(k -> k.startsWith(object + "."));
                }
            } else if (op < 50) {
                assertSame(mirrors.get(c).get(key), columns.get(c).find(object, slot), key);
            } else {
                Cell s = columns.get(c).get(object, slot);
                Cell known = mirrors.get(c).putIfAbsent(key, s);
                if (known != null) {
                    assertSame(known, s, key);
                }
                assertEquals(object, s.object);
                assertEquals(slot, s.slot);
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            assertEquals(mirrors.get(c).size(), columns.get(c).size(), "column " + c);
        }
    }

    @Test
    void aRowMadeByAnotherColumnIsNotAStateOfTheFirstUntilItLooksItUp() {
        LocationStates table = new LocationStates();
        LocationStates.Column<Cell> first = table.claim(Cell::new);
        LocationStates.Column<Cell> second = table.claim(Cell::new);
        assertNotNull(second.get(7, 1));
        assertNull(first.find(7, 1));
        assertEquals(0, first.size());
        assertEquals(0, first.objects());
        List<Cell> seen = new ArrayList<>();
        first.forEachOf(7, seen::add);
        assertEquals(List.of(), seen);
        Cell mine = first.get(7, 1);
        assertSame(mine, first.find(7, 1));
        assertEquals(1, first.size());
        assertEquals(1, first.objects());
    }

    @Test
    void madeBeforeSkipsLocationsWithoutAStateInTheColumn() {
        LocationStates table = new LocationStates();
        LocationStates.Column<Cell> first = table.claim(Cell::new);
        LocationStates.Column<Cell> second = table.claim(Cell::new);
        Cell a = first.get(9, 0);
        second.get(9, 1);
        Cell c = first.get(9, 2);
        assertSame(a, first.madeBefore(9, 2));
        assertNull(first.madeBefore(9, 0));
        assertSame(null, second.madeBefore(9, 1));
        assertSame(c, first.find(9, 2));
    }

    @Test
    void freeingAnObjectDropsItsLocationsInEveryColumn() {
        LocationStates table = new LocationStates();
        LocationStates.Column<Cell> first = table.claim(Cell::new);
        LocationStates.Column<Cell> second = table.claim(Cell::new);
        first.get(3, 0);
        second.get(3, 0);
        second.get(3, 1);
        first.get(4, 0);
        table.free(3);
        assertNull(first.find(3, 0));
        assertNull(second.find(3, 0));
        assertNull(second.find(3, 1));
        assertEquals(1, first.size());
        assertEquals(0, second.size());
        assertEquals(1, table.size());
    }
}
