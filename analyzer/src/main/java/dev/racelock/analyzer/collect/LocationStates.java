package dev.racelock.analyzer.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The per-location states of several analyses side by side: one {@link LocationTable} whose row
 * for a location (object, slot) holds each analysis's state of it in a column the analysis
 * claimed when it was built ({@link #claim}). The analyses of a session each look up every
 * memory access; with one table, the first lookup of an access finds (or makes) the row and the
 * others find it again in {@link #last}, instead of probing a table each. On the synthetic
 * stream the three lookups per access of {@code --analysis predictive} in three tables were
 * almost half of the analyzing thread's time.
 *
 * <p>An analysis reaches only its own column ({@link Column}), never another's, so the
 * analyses stay independent: adding one claims one more column and changes no other. Freeing an
 * object ({@link #free}) drops its rows with every column in them: whoever owns the table frees
 * (the session, through {@link dev.racelock.analyzer.state.TraceState}), not the analyses.
 */
public final class LocationStates {

    /** A location's row: the state of each column, null where that analysis has none. */
    static final class Row extends KeyedLocation {
        Object c0;
        Object c1;
        Object c2;
        Object c3;
        /** Columns from 4 on (index - 4), or null. */
        Object[] more;

        Row(long object, int slot) {
            super(object, slot);
        }

        Object get(int column) {
            switch (column) {
                case 0: return c0;
                case 1: return c1;
                case 2: return c2;
                case 3: return c3;
                default: return more == null || column - 4 >= more.length ? null : more[column - 4];
            }
        }

        void set(int column, Object state) {
            switch (column) {
                case 0 -> c0 = state;
                case 1 -> c1 = state;
                case 2 -> c2 = state;
                case 3 -> c3 = state;
                default -> {
                    if (more == null || column - 4 >= more.length) {
                        more = more == null ? new Object[column - 3] : Arrays.copyOf(more, column - 3);
                    }
                    more[column - 4] = state;
                }
            }
        }
    }

    /**
     * One analysis's column: its states, looked up by location as in a table of its own.
     *
     * @param <S> the state the analysis keeps per location
     */
    public static final class Column<S> {

        private final LocationStates table;
        private final int index;
        private final LocationTable.Factory<S> factory;
        private int size;

        private Column(LocationStates table, int index, LocationTable.Factory<S> factory) {
            this.table = table;
            this.index = index;
            this.factory = factory;
        }

        /** The location's state, created on first use. */
        @SuppressWarnings("unchecked")
        public S get(long object, int slot) {
            Row r = table.row(object, slot);
            Object s = r.get(index);
            if (s == null) {
                s = factory.create(object, slot);
                r.set(index, s);
                size++;
            }
            return (S) s;
        }

        /** The location's state, or null when it has none. */
        @SuppressWarnings("unchecked")
        public S find(long object, int slot) {
            Row r = table.findRow(object, slot);
            return r == null ? null : (S) r.get(index);
        }

        /**
         * The state of this column in the object's location made last before location
         * {@code (object, slot)} among those that have one in this column, or null.
         */
        @SuppressWarnings("unchecked")
        public S madeBefore(long object, int slot) {
            Row r = table.findRow(object, slot);
            for (KeyedLocation x = r == null ? null : r.createdBefore(); x != null; x = x.createdBefore()) {
                Object s = ((Row) x).get(index);
                if (s != null) {
                    return (S) s;
                }
            }
            return null;
        }

        /** Every state of the object's locations in this column, in no particular order. */
        @SuppressWarnings("unchecked")
        public void forEachOf(long object, Consumer<S> action) {
            table.rows.forEachOf(object, r -> {
                Object s = r.get(index);
                if (s != null) {
                    action.accept((S) s);
                }
            });
        }

        /** Locations with a state in this column. */
        public int size() {
            return size;
        }

        /** Objects with at least one location with a state in this column (a scan: memory tests). */
        public int objects() {
            int[] n = {0};
            table.rows.forEachObject(first -> {
                for (KeyedLocation x = first; x != null; x = x.createdBefore()) {
                    if (((Row) x).get(index) != null) {
                        n[0]++;
                        return;
                    }
                }
            });
            return n[0];
        }
    }

    private final LocationTable<Row> rows = new LocationTable<>(Row::new);
    private final List<Column<?>> columns = new ArrayList<>();
    private final Consumer<Row> uncount = this::uncount;
    /** The row looked up last: the analyses of a session look up each access one after another. */
    private Row last;

    /** A column of its own for an analysis's states (claimed once, when the analysis is built). */
    public <S> Column<S> claim(LocationTable.Factory<S> factory) {
        Column<S> c = new Column<>(this, columns.size(), factory);
        columns.add(c);
        return c;
    }

    private Row row(long object, int slot) {
        Row r = last;
        if (r != null && r.object == object && r.slot == slot) {
            return r;
        }
        r = rows.get(object, slot);
        last = r;
        return r;
    }

    private Row findRow(long object, int slot) {
        Row r = last;
        if (r != null && r.object == object && r.slot == slot) {
            return r;
        }
        r = rows.find(object, slot);
        if (r != null) {
            last = r;
        }
        return r;
    }

    /** Drops every location of the object, in every column. */
    public void free(long object) {
        if (columns.isEmpty()) {
            return;
        }
        Row l = last;
        if (l != null && l.object == object) {
            last = null;
        }
        rows.free(object, uncount);
    }

    private void uncount(Row r) {
        for (Column<?> c : columns) {
            if (r.get(c.index) != null) {
                c.size--;
            }
        }
    }

    /** Locations with a state in any column. */
    public int size() {
        return rows.size();
    }
}
