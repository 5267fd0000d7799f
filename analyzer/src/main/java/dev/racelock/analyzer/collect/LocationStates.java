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
 * others find it again in the table's cache of recent locations, instead of probing a table each. On the synthetic
 * stream the three lookups per access of {@code --analysis predictive}, in three tables, were
 * almost half of the analyzing thread's time.
 *
 * <p>A row is the first column's state itself ({@link KeyedLocation#link} holds the others), so
 * the first analysis reaches its state as from a table of its own: {@code hb}'s one table user
 * pays no load more than before. A row that another column made first is a state of the first
 * column only once that analysis looks it up: until then it is not one of its states, for any
 * method here.
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
    public static final class Column<S extends KeyedLocation> {

        private final LocationStates table;
        /** 0 for the first column (the rows themselves), else the index in a row's KeyedLocation.link minus 1. */
        private final int index;
        private final boolean first;
        private final LocationTable.Factory<S> factory;
        private int size;

        private Column(LocationStates table, int index, LocationTable.Factory<S> factory) {
            this.table = table;
            this.index = index;
            this.first = index == 0;
            this.factory = factory;
        }

        /** The location's state, created on first use. */
        @SuppressWarnings("unchecked")
        public S get(long object, int slot) {
            LocationTable<KeyedLocation> rows = table.rows;
            int before = rows.size();
            KeyedLocation r = rows.get(object, slot);
            boolean made = rows.size() != before;
            Object link = r.link;
            if (first) {
                if (made) {
                    size++; // a row made here is in the first column (KeyedLocation.link)
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
            return create(r, object, slot, made);
        }

        /** A new state in row {@code r}; {@code made}: the row was made by this lookup (not a state of the first column). */
        private S create(KeyedLocation r, long object, int slot, boolean made) {
            S s = factory.create(object, slot);
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
        public S find(long object, int slot) {
            KeyedLocation r = table.findRow(object, slot);
            return r == null ? null : of(r);
        }

        /** This column's state in row {@code r}, or null. */
        @SuppressWarnings("unchecked")
        private S of(KeyedLocation r) {
            Object link = r.link;
            if (first) {
                return !(link instanceof Object[] a) || a[1] != null ? (S) r : null;
            }
            return link instanceof Object[] a && index + 1 < a.length ? (S) a[index + 1] : null;
        }

        /**
         * This column's state of the object's location made last before location
         * {@code (object, slot)} among those that have one in this column, or null.
         */
        public S madeBefore(long object, int slot) {
            return madeBeforeRow(table.findRow(object, slot));
        }

        /**
         * As {@link #madeBefore(long, int)} for a state of this column; for the first column,
         * whose states are the rows themselves, with no lookup.
         */
        public S madeBefore(S state) {
            return first ? madeBeforeRow(state) : madeBefore(state.object, state.slot);
        }

        private S madeBeforeRow(KeyedLocation r) {
            for (KeyedLocation x = r == null ? null : r.createdBefore(); x != null; x = x.createdBefore()) {
                S s = of(x);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }

        /** Every state of the object's locations in this column, in no particular order. */
        public void forEachOf(long object, Consumer<S> action) {
            table.rows.forEachOf(object, r -> {
                S s = of(r);
                if (s != null) {
                    action.accept(s);
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

    private final LocationTable<KeyedLocation> rows = new LocationTable<>(this::newRow);
    private final List<Column<?>> columns = new ArrayList<>();
    private final Consumer<KeyedLocation> uncount = this::uncount;

    /** A column of its own for an analysis's states (claimed once, when the analysis is built). */
    public <S extends KeyedLocation> Column<S> claim(LocationTable.Factory<S> factory) {
        Column<S> c = new Column<>(this, columns.size(), factory);
        columns.add(c);
        return c;
    }

    /** A row is a state of the first column (not yet one of its states when another column made it: KeyedLocation.link). */
    private KeyedLocation newRow(long object, int slot) {
        return columns.get(0).factory.create(object, slot);
    }

    private KeyedLocation findRow(long object, int slot) {
        return rows.find(object, slot);
    }

    /** Drops every location of the object, in every column. */
    public void free(long object) {
        if (columns.isEmpty()) {
            return;
        }
        rows.free(object, uncount);
    }

    private void uncount(KeyedLocation r) {
        for (Column<?> c : columns) {
            if (c.of(r) != null) {
                c.size--;
            }
        }
    }

    /** Locations with a state in any column. */
    public int size() {
        return rows.size();
    }
}
