package dev.racelock.analyzer.collect;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The per-element state of one array, kept as runs of elements {@code [start, end)} that have one
 * state each: an array that a thread fills or scans element by element in one epoch is one run
 * however long it is, where a state per element would cost an object per element (arrays are most
 * of the accesses of real programs: 70% of a Jetty trace's). Elements never accessed belong to no
 * run. Neighbouring runs whose states are equal ({@link State#sameAs}) are merged, so the runs
 * stay as few as the distinct histories.
 *
 * <p>Runs are found through a treap on their start (Seidel &amp; Aragon, 1996: expected O(log n)
 * search, insertion and removal) and walked through a list in index order. Before the treap is
 * searched, the run found last (the finger) and a few runs either side of it are tried, which
 * makes a loop over consecutive elements O(1) per element; then, in an array of many runs, the
 * run found last in the element's block ({@link #hints}) and its neighbours. A treap of thousands
 * of runs is a walk of a dozen or more nodes, each a cache miss: on a Lucene trace whose
 * arrays kept that many, the search took half of the HB analysis's time (docs/performance.md).
 *
 * <p>An access to one element: {@link #find} its run; if the element has a run of its own, update
 * that state in place and call {@link #settled}; else copy the run's state (or a cleared one) to a
 * scratch state, update it, and {@link #put} it back, which splits the run or extends a neighbour.
 * An access to a range: {@link #cover} it with runs, update each (the elements of a run have one
 * state, so they end in one state), then {@link #mergeEqualNeighbours}: one step per run met, not
 * per element.
 *
 * @param <S> the state of an element
 */
public final class ElementRuns<S extends ElementRuns.State<S>> {

    /** What an analysis keeps per element. */
    public interface State<S> {
        /** This := {@code o}, deeply: the two then evolve apart. */
        void copyFrom(S o);

        /**
         * Whether every later access would find the same here as in {@code o}: then neighbouring
         * elements can share one run. Answering false for equal states only merges less.
         */
        boolean sameAs(S o);

        /** This := the state of an element never accessed. */
        void clear();
    }

    /** Elements {@code [start, end)} with one state: a node of the treap and of the list in index order. */
    public static final class Run<S> {
        int start;
        int end;
        Run<S> prev;
        Run<S> next;
        Run<S> left;
        Run<S> right;
        final int priority;
        /**
         * Merged into the run before it: no longer in the list or the treap (a {@link #hints} entry
         * may still name it). Derivable ({@code prev.next != this}), but that would load the run
         * before it on every hint taken.
         */
        boolean gone;
        /** The state of every element of the run. */
        public final S state;

        Run(int start, int end, int priority, S state) {
            this.start = start;
            this.end = end;
            this.priority = priority;
            this.state = state;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public int length() {
            return end - start;
        }

        /** The run after this one in index order (touching it or not), or null. */
        public Run<S> next() {
            return next;
        }
    }

    private final Supplier<S> fresh;
    private Run<S> root;
    private Run<S> last;
    private Run<S> finger;
    /**
     * Once the array has {@link #HINTS_FROM} runs or more: per block of {@code 1 << hintShift}
     * elements (blocks beyond the table wrap around), a run found there last, from which
     * {@link #near} starts when the finger is not near. Only a hint: an entry may name a run
     * since merged away ({@link Run#gone}) or far from the element, and then the treap is searched.
     */
    private Run<S>[] hints;
    private int hintShift;
    private int runs;
    // The element open() handed out a state for, and its run then (null: none).
    private Run<S> opened;
    private int openedIndex;
    private int seed = 0x2545F491;

    /** @param fresh a new state of an element never accessed */
    public ElementRuns(Supplier<S> fresh) {
        this.fresh = fresh;
    }

    /** The run holding {@code index}, or null. */
    public Run<S> find(int index) {
        Run<S> r = firstEndingAfter(index);
        return r != null && r.start <= index ? r : null;
    }

    /**
     * Element {@code index}, held by {@code holder} (the run {@link #find} returned, null when it
     * has none), now has the state {@code updated} (copied; the caller keeps its object): extends
     * a neighbouring run with that state, or gets a run of its own.
     */
    public void put(int index, Run<S> holder, S updated) {
        if (holder == null) {
            Run<S> next = firstEndingAfter(index);
            Run<S> prev = next == null ? last : next.prev;
            if (prev != null && prev.end == index && prev.state.sameAs(updated)) {
                prev.end = index + 1;
                if (next != null && next.start == index + 1 && next.state.sameAs(prev.state)) {
                    mergeIntoPrevious(next);
                }
            } else if (next != null && next.start == index + 1 && next.state.sameAs(updated)) {
                next.start = index;
            } else {
                insertBefore(next, index, index + 1).state.copyFrom(updated);
            }
            return;
        }
        if (holder.state.sameAs(updated)) {
            return; // nothing changed
        }
        if (holder.length() == 1) {
            holder.state.copyFrom(updated);
            settled(holder);
            return;
        }
        Run<S> prev = holder.prev;
        Run<S> next = holder.next;
        if (index == holder.start && prev != null && prev.end == index && prev.state.sameAs(updated)) {
            prev.end++;
            holder.start++;
        } else if (index == holder.end - 1 && next != null && next.start == holder.end && next.state.sameAs(updated)) {
            next.start--;
            holder.end--;
        } else {
            Run<S> own = index == holder.start ? holder : split(holder, index);
            if (own.end > index + 1) {
                split(own, index + 1);
            }
            own.state.copyFrom(updated);
        }
    }

    /**
     * The state through which to update element {@code index}: its run's own state when the run
     * holds the element alone (changed in place), else {@code scratch}, filled with the element's
     * state (cleared when it was never accessed). Hand it to {@link #updated} once the rules ran.
     */
    public S open(int index, S scratch) {
        Run<S> r = find(index);
        opened = r;
        openedIndex = index;
        if (r != null && r.length() == 1) {
            return r.state;
        }
        if (r == null) {
            scratch.clear();
        } else {
            scratch.copyFrom(r.state);
        }
        return scratch;
    }

    /**
     * The element last {@link #open opened} was updated through {@code state}; {@code changed}:
     * the rules changed it. A run changed in place is merged with equal neighbours; a scratch copy
     * goes back as the element's state, always for an element never accessed before.
     */
    public void updated(S state, boolean changed) {
        Run<S> r = opened;
        if (r != null && state == r.state) {
            if (changed) {
                settled(r);
            }
        } else if (changed || r == null) {
            put(openedIndex, r, state);
        }
    }

    /** A run of one element whose state was changed in place: merged with its neighbours when they now have its state. */
    private void settled(Run<S> r) {
        Run<S> next = r.next;
        Run<S> prev = r.prev;
        if (prev != null && prev.end == r.start && prev.state.sameAs(r.state)) {
            mergeIntoPrevious(r);
            r = prev;
        }
        if (next != null && next.start == r.end && next.state.sameAs(r.state)) {
            mergeIntoPrevious(next);
        }
    }

    /**
     * Runs that hold exactly the elements {@code [from, end)} (from &lt; end): the runs met are split
     * at the two ends and the gaps get runs of a cleared state. Returns the first; the others
     * follow it through {@link Run#next()} up to the one ending at {@code end}.
     */
    public Run<S> cover(int from, int end) {
        Run<S> r = firstEndingAfter(from);
        Run<S> first = null;
        for (int i = from; i < end; ) {
            Run<S> run;
            if (r == null || r.start > i) {
                run = insertBefore(r, i, r == null ? end : Math.min(end, r.start)); // never accessed
            } else {
                run = r.start < i ? split(r, i) : r;
                if (run.end > end) {
                    split(run, end);
                }
                r = run.next;
            }
            first = first == null ? run : first;
            i = run.end;
        }
        return first;
    }

    /**
     * Merges each run from {@code from} through {@code to}, and the run after {@code to}, into
     * the run just before it when the two touch and have the same state.
     */
    public void mergeEqualNeighbours(Run<S> from, Run<S> to) {
        Run<S> stop = to.next;
        Run<S> r = from;
        while (true) {
            Run<S> following = r == stop ? null : r.next;
            Run<S> p = r.prev;
            if (p != null && p.end == r.start && p.state.sameAs(r.state)) {
                mergeIntoPrevious(r);
            }
            if (following == null) {
                return;
            }
            r = following;
        }
    }

    /** Runs kept. */
    public int runs() {
        return runs;
    }

    /** Every run, in index order. */
    public void forEach(Consumer<Run<S>> action) {
        for (Run<S> r = first(); r != null; r = r.next) {
            action.accept(r);
        }
    }

    private Run<S> first() {
        Run<S> r = last;
        while (r != null && r.prev != null) {
            r = r.prev;
        }
        return r;
    }

    /**
     * The first run ending after {@code index} (holding it, or the next one after it), or null;
     * it becomes the finger. Looked for near the finger, then near the run found last in the
     * element's block ({@link #hints}), then in the treap.
     */
    private Run<S> firstEndingAfter(int index) {
        Run<S> f = finger;
        Run<S> found = f == null ? notNear() : near(f, index);
        if (found == NOT_NEAR) {
            found = farFromFinger(index);
        }
        if (found != null) {
            finger = found;
        }
        return found;
    }

    /**
     * {@link #firstEndingAfter} when the finger is not near: from the hint of the element's block,
     * which it then names, else from the treap; makes the table of hints once the runs are many,
     * and a larger one when they became many more.
     */
    private Run<S> farFromFinger(int index) {
        Run<S>[] h = hints;
        if (h == null) {
            if (runs >= HINTS_FROM) {
                hint();
            }
            return search(index);
        }
        int slot = (index >>> hintShift) & (h.length - 1);
        Run<S> hint = h[slot];
        Run<S> found = hint == null || hint.gone ? notNear() : near(hint, index);
        if (found == NOT_NEAR) {
            found = search(index);
        }
        if (found != null) {
            h[slot] = found;
        }
        if (runs > 2 * h.length && h.length < MAX_HINTS) {
            hint();
        }
        return found;
    }

    /** The first run ending after {@code index}, found in the treap. */
    private Run<S> search(int index) {
        Run<S> found = null;
        Run<S> n = root;
        while (n != null) {
            if (n.end > index) {
                found = n;
                n = n.left;
            } else {
                n = n.right;
            }
        }
        return found;
    }

    /** Runs from which {@link #hints} are kept (fewer: the treap is shallow). */
    static final int HINTS_FROM = 64;
    private static final int MAX_HINTS = 1 << 16;

    /**
     * A new, empty table of hints: about one block per run, the blocks spanning the runs'
     * elements; at most two references per run, beside runs of a hundred bytes and more each.
     */
    @SuppressWarnings("unchecked")
    private void hint() {
        int size = Math.min(MAX_HINTS, Integer.highestOneBit(runs) * 2);
        int extentBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, last.end - 1));
        hintShift = Math.max(0, extentBits - Integer.numberOfTrailingZeros(size));
        hints = (Run<S>[]) new Run<?>[size];
    }

    /** Runs walked from a starting run before the treap is searched instead. */
    private static final int NEAR = 3;
    /** {@link #near}'s answer when the run is not within {@link #NEAR} steps of the start. */
    @SuppressWarnings("rawtypes")
    private static final Run NOT_NEAR = new Run<>(0, 0, 0, null);

    @SuppressWarnings("unchecked")
    private static <S> Run<S> notNear() {
        return (Run<S>) NOT_NEAR;
    }

    /**
     * The first run ending after {@code index} when it is {@code r} (a run in the list) or within
     * {@link #NEAR} runs of it (null: none ends after it), else {@link #NOT_NEAR}. Programs touch
     * arrays near where they touched them last: the next element, one in the run before, a pair of
     * elements a few apart. On a Lucene trace whose arrays kept thousands of runs each, half the
     * accesses that missed the finger were that close to it (docs/performance.md).
     */
    private static <S> Run<S> near(Run<S> r, int index) {
        if (index >= r.start) {
            for (int step = 0; step <= NEAR; step++) {
                if (index < r.end) {
                    return r;
                }
                r = r.next;
                if (r == null || index < r.start) {
                    return r; // in the gap before r, or after every run
                }
            }
        } else {
            for (int step = 0; step < NEAR; step++) {
                Run<S> p = r.prev;
                if (p == null || index >= p.end) {
                    return r; // in the gap before r
                }
                if (index >= p.start) {
                    return p;
                }
                r = p;
            }
        }
        return notNear();
    }

    /** A new run {@code [start, end)} of a cleared state, placed before {@code next} (null: after every run). */
    private Run<S> insertBefore(Run<S> next, int start, int end) {
        Run<S> r = new Run<>(start, end, nextPriority(), fresh.get());
        Run<S> prev = next == null ? last : next.prev;
        r.prev = prev;
        r.next = next;
        if (prev != null) {
            prev.next = r;
        }
        if (next != null) {
            next.prev = r;
        } else {
            last = r;
        }
        root = insert(root, r);
        runs++;
        finger = r;
        return r;
    }

    /** Splits {@code r} at {@code at} (inside it): r keeps {@code [start, at)}; the returned run, a copy, holds the rest. */
    private Run<S> split(Run<S> r, int at) {
        int end = r.end;
        r.end = at;
        Run<S> rest = insertBefore(r.next, at, end);
        rest.state.copyFrom(r.state);
        return rest;
    }

    /** Run {@code r}'s elements join the run before it (which touches it and has its state). */
    private void mergeIntoPrevious(Run<S> r) {
        r.prev.end = r.end;
        r.gone = true;
        root = remove(root, r);
        r.prev.next = r.next;
        if (r.next != null) {
            r.next.prev = r.prev;
        } else {
            last = r.prev;
        }
        if (finger == r) {
            finger = r.prev;
        }
        runs--;
    }

    private int nextPriority() {
        int x = seed; // xorshift32 (Marsaglia, 2003): deterministic, so runs are reproducible
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        seed = x;
        return x;
    }

    private static <S> Run<S> insert(Run<S> n, Run<S> r) {
        if (n == null) {
            return r;
        }
        if (r.start < n.start) {
            n.left = insert(n.left, r);
            return n.left.priority > n.priority ? rotateRight(n) : n;
        }
        n.right = insert(n.right, r);
        return n.right.priority > n.priority ? rotateLeft(n) : n;
    }

    /** Lifts {@code n}'s left child above it, keeping the start order (the treap's heap repair). */
    private static <S> Run<S> rotateRight(Run<S> n) {
        Run<S> l = n.left;
        n.left = l.right;
        l.right = n;
        return l;
    }

    /** Lifts {@code n}'s right child above it, keeping the start order. */
    private static <S> Run<S> rotateLeft(Run<S> n) {
        Run<S> r = n.right;
        n.right = r.left;
        r.left = n;
        return r;
    }

    private static <S> Run<S> remove(Run<S> n, Run<S> r) {
        if (n == r) {
            return join(n.left, n.right);
        }
        if (r.start < n.start) {
            n.left = remove(n.left, r);
        } else {
            n.right = remove(n.right, r);
        }
        return n;
    }

    /** Joins two treaps, every run of {@code a} before every run of {@code b}. */
    private static <S> Run<S> join(Run<S> a, Run<S> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = join(a.right, b);
            return a;
        }
        b.left = join(a, b.left);
        return b;
    }
}
