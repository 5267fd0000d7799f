package dev.racelock.analyzer.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The per-location states of several analyses side by side: one {@link LocationTable} whose row
 * for a location (object, slot) holds each analysis's state of it in a column the analysis
 * claimed when it was built ({@link #claim}). The analyses of a session each look up every
 * memory access; with one table, the first lookup of an access finds (or makes) the row and the
 * others find it again in the table's cache of recent locations, instead of probing a table each. On the synthetic
 * stream the three lookups per access of {@code --analysis predictive}, in three tables, were
 * almost half of the analyzing thread's time.
 *
 * <p>The row carries the location's key, so the states beside it need none: a column's states
 * are plain objects ({@link #claim}), 16 bytes smaller than a keyed state of a table of its own
 * (the key and the object's chain). One column may be the rows themselves
 * ({@link #claimRows}, keyed states): that analysis reaches its state as from a table of its own,
 * with no load more ({@link KeyedLocation#link} holds the other columns' states); {@code hb}'s one
 * table user, the HB race analysis, claims them. A row that another column made first is a state
 * of the rows' column only once that analysis looks it up: until then it is not one of its
 * states, for any method here. Without a rows' column, a row is the key alone.
 *
 * <p>An analysis reaches only its own column ({@link Column}), never another's, so the
 * analyses stay independent: adding one claims one more column and changes no other. Freeing an
 * object ({@link #free}) drops its rows with every column in them: whoever owns the table frees
 * (the session, through {@link dev.racelock.analyzer.state.TraceState}), not the analyses.
 */
public final class LocationStates {

    /**
     * One analysis's column: its states, looked up by location as in a table of its own.
     *
     * @param <S> the state the analysis keeps per location
     */
    public static class Column<S> {

        final LocationStates table;
        /** 0 for the rows' column (the rows themselves), else the index in a row's KeyedLocation.link minus 1. */
        private final int index;
        private final Supplier<S> factory;
        int size;

        private Column(LocationStates table, int index, Supplier<S> factory) {
            this.table = table;
            this.index = index;
            this.factory = factory;
        }

        /** The location's state, created on first use. */
        @SuppressWarnings("unchecked")
        public final S get(long object, int slot) {
            LocationTable<KeyedLocation> rows = table.rows;
            int before = rows.size();
            KeyedLocation r = rows.get(object, slot);
            boolean made = rows.size() != before;
            Object link = r.link;
            if (index == 0) {
                if (made) {
                    size++; // a row made here is in the rows' column (KeyedLocation.link)
                } else if (link instanceof Object[] a && a[1] == null) {
                    a[1] = r;
                    size++;
                }
                return (S) r;
            }
            if (link instanceof Object[] a && index + 1 < a.length) {
                Object s = a[index + 1];
                if (s != null) {
                    return (S) s;
                }
            }
            return create(r, made);
        }

        /** A new state in row {@code r}; {@code made}: the row was made by this lookup (not a state of the rows' column). */
        private S create(KeyedLocation r, boolean made) {
            S s = factory.get();
            int n = table.columns.size() + 1;
            Object[] a;
            if (r.link instanceof Object[] old) {
                a = old.length >= n ? old : Arrays.copyOf(old, n);
            } else {
                a = new Object[n];
                a[0] = r.link;
                a[1] = made ? null : r;
            }
            a[index + 1] = s;
            r.link = a;
            size++;
            return s;
        }

        /** The location's state, or null when it has none. */
        public final S find(long object, int slot) {
            KeyedLocation r = table.findRow(object, slot);
            return r == null ? null : of(r);
        }

        /** This column's state in row {@code r}, or null. */
        @SuppressWarnings("unchecked")
        final S of(KeyedLocation r) {
            Object link = r.link;
            if (index == 0) {
                return !(link instanceof Object[] a) || a[1] != null ? (S) r : null;
            }
            return link instanceof Object[] a && index + 1 < a.length ? (S) a[index + 1] : null;
        }

        /**
         * This column's state of the object's location made last before location
         * {@code (object, slot)} among those that have one in this column, or null.
         */
        public final S madeBefore(long object, int slot) {
            return madeBeforeRow(table.findRow(object, slot));
        }

        final S madeBeforeRow(KeyedLocation r) {
            for (KeyedLocation x = r == null ? null : r.createdBefore(); x != null; x = x.createdBefore()) {
                S s = of(x);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }

        /** Every state of the object's locations in this column, in no particular order. */
        public final void forEachOf(long object, Consumer<S> action) {
            table.rows.forEachOf(object, r -> {
                S s = of(r);
                if (s != null) {
                    action.accept(s);
                }
            });
        }

        /** Locations with a state in this column. */
        public final int size() {
            return size;
        }

        /** Objects with at least one location with a state in this column (a scan: memory tests). */
        public final int objects() {
            int[] n = {0};
            table.rows.forEachObject(firstOfObject -> {
                for (KeyedLocation x = firstOfObject; x != null; x = x.createdBefore()) {
                    if (of(x) != null) {
                        n[0]++;
                        return;
                    }
                }
            });
            return n[0];
        }
    }

    /**
     * The column whose states are the rows: keyed, each the row of its location.
     *
     * @param <S> the state the analysis keeps per location
     */
    public static final class RowColumn<S extends KeyedLocation> extends Column<S> {

        private final LocationTable.Factory<S> keyedFactory;

        private RowColumn(LocationStates table, LocationTable.Factory<S> factory) {
            super(table, 0, null);
            this.keyedFactory = factory;
        }

        /** As {@link #madeBefore(long, int)} for a state of this column, with no lookup: the state is the row. */
        public S madeBefore(S state) {
            return madeBeforeRow(state);
        }
    }

    /** A row with no rows' column: the location's key, and the columns' states beside it. */
    private static final class Key extends KeyedLocation {
        Key(long object, int slot) {
            super(object, slot);
        }
    }

    private final LocationTable<KeyedLocation> rows = new LocationTable<>(this::newRow);
    /** Index 0: the rows' column, or null without one; the others in the order claimed. */
    private final List<Column<?>> columns = new ArrayList<>();
    private RowColumn<?> rowColumn;
    private final Consumer<KeyedLocation> uncount = this::uncount;

    public LocationStates() {
        columns.add(null);
    }

    /** A column of its own for an analysis's states (claimed once, when the analysis is built). */
    public <S> Column<S> claim(Supplier<S> factory) {
        Column<S> c = new Column<>(this, columns.size(), factory);
        columns.add(c);
        return c;
    }

    /**
     * The column whose states are the rows themselves, for the analysis whose lookups must cost
     * no more than in a table of its own; at most one, claimed before the table holds any row.
     *
     * @throws IllegalStateException when it was claimed already, or rows were made
     */
    public <S extends KeyedLocation> RowColumn<S> claimRows(LocationTable.Factory<S> factory) {
        if (rowColumn != null || rows.size() > 0) {
            throw new IllegalStateException(rowColumn != null ? "the rows' column is claimed already"
                    : "rows were made before the rows' column was claimed");
        }
        RowColumn<S> c = new RowColumn<>(this, factory);
        rowColumn = c;
        columns.set(0, c);
        return c;
    }

    /** A row is a state of the rows' column (not yet one of its states when another column made it: KeyedLocation.link). */
    private KeyedLocation newRow(long object, int slot) {
        return rowColumn != null ? rowColumn.keyedFactory.create(object, slot) : new Key(object, slot);
    }

    private KeyedLocation findRow(long object, int slot) {
        return rows.find(object, slot);
    }

    /** Drops every location of the object, in every column. */
    public void free(long object) {
        if (rows.size() == 0) {
            return;
        }
        rows.free(object, uncount);
    }

    private void uncount(KeyedLocation r) {
        for (Column<?> c : columns) {
            if (c != null && c.of(r) != null) {
                c.size--;
            }
        }
    }

    /** Locations with a state in any column. */
    public int size() {
        return rows.size();
    }
}
