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
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocationStatesTest {

    /** A state of the rows' column: keyed. */
    private static final class Cell extends KeyedLocation {
        Cell(long object, int slot) {
            super(object, slot);
        }
    }

    /** A state of another column: no key. */
    private static final class Note {
    }

    /**
     * Random lookups and frees by five columns (the first one's states are the rows), each
     * mirrored in a map of its own: each column finds exactly its own states, as it would in a
     * table of its own, and counts them.
     */
    @Test
    void eachColumnSeesOnlyItsOwnStates() {
        LocationStates table = new LocationStates();
        List<LocationStates.Column<?>> columns = new ArrayList<>();
        columns.add(table.claimRows(Cell::new));
        for (int c = 1; c < 5; c++) {
            columns.add(table.claim(Note::new));
        }
        lookUpAndFreeAtRandom(table, columns);
    }

    /** The same with no rows' column: every row is the key alone, the states beside it. */
    @Test
    void withoutARowsColumnEachColumnSeesOnlyItsOwnStates() {
        LocationStates table = new LocationStates();
        List<LocationStates.Column<?>> columns = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            columns.add(table.claim(Note::new));
        }
        lookUpAndFreeAtRandom(table, columns);
    }

    private static void lookUpAndFreeAtRandom(LocationStates table, List<LocationStates.Column<?>> columns) {
        List<Map<String, Object>> mirrors = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
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
                for (Map<String, Object> m : mirrors) {
                    m.keySet().removeIf(k -> k.startsWith(object + "."));
                }
            } else if (op < 50) {
                assertSame(mirrors.get(c).get(key), columns.get(c).find(object, slot), key);
            } else {
                Object s = columns.get(c).get(object, slot);
                Object known = mirrors.get(c).putIfAbsent(key, s);
                if (known != null) {
                    assertSame(known, s, key);
                }
                if (s instanceof Cell row) {
                    assertEquals(object, row.object);
                    assertEquals(slot, row.slot);
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            assertEquals(mirrors.get(c).size(), columns.get(c).size(), "column " + c);
        }
    }

    @Test
    void aRowMadeByAnotherColumnIsNotAStateOfTheRowsColumnUntilItLooksItUp() {
        LocationStates table = new LocationStates();
        LocationStates.RowColumn<Cell> first = table.claimRows(Cell::new);
        LocationStates.Column<Note> second = table.claim(Note::new);
        Note note = second.get(7, 1);
        assertNotNull(note);
        assertNull(first.find(7, 1));
        assertEquals(0, first.size());
        assertEquals(0, first.objects());
        List<Cell> seen = new ArrayList<>();
        first.forEachOf(7, seen::add);
        assertEquals(List.of(), seen);
        Cell mine = first.get(7, 1);
        assertSame(mine, first.find(7, 1));
        assertEquals(7, mine.object);
        assertEquals(1, mine.slot);
        assertEquals(1, first.size());
        assertEquals(1, first.objects());
        assertSame(note, second.find(7, 1), "the other column's state stays beside the row");
        assertEquals(1, table.size());
    }

    @Test
    void madeBeforeSkipsLocationsWithoutAStateInTheColumn() {
        LocationStates table = new LocationStates();
        LocationStates.RowColumn<Cell> first = table.claimRows(Cell::new);
        LocationStates.Column<Note> second = table.claim(Note::new);
        Cell a = first.get(9, 0);
        second.get(9, 1);
        Cell c = first.get(9, 2);
        assertSame(a, first.madeBefore(9, 2));
        assertSame(a, first.madeBefore(c));
        assertNull(first.madeBefore(9, 0));
        assertSame(null, second.madeBefore(9, 1));
        assertSame(c, first.find(9, 2));
    }

    @Test
    void freeingAnObjectDropsItsLocationsInEveryColumn() {
        LocationStates table = new LocationStates();
        LocationStates.RowColumn<Cell> first = table.claimRows(Cell::new);
        LocationStates.Column<Note> second = table.claim(Note::new);
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

    @Test
    void theRowsColumnIsClaimedOnceAndBeforeAnyRowIsMade() {
        LocationStates table = new LocationStates();
        LocationStates.Column<Note> other = table.claim(Note::new);
        other.get(1, 0);
        assertThrows(IllegalStateException.class, () -> table.claimRows(Cell::new));

        LocationStates fresh = new LocationStates();
        fresh.claimRows(Cell::new);
        assertThrows(IllegalStateException.class, () -> fresh.claimRows(Cell::new));
    }
}
