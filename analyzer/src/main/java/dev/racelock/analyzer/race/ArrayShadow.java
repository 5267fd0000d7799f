package dev.racelock.analyzer.race;

/**
 * The shadow state of one array as runs of elements with one history each ({@link ElementRun}),
 * so that {@code System.arraycopy} or {@code Arrays.fill} over n elements costs one step per run
 * it meets, not one per element: a range access splits at most the two runs at its ends, and
 * neighbouring runs whose states become equal are merged again, so a range written in one epoch
 * is one run whatever its length. Elements never accessed belong to no run.
 *
 * <p>Runs are found through a treap on their start (Seidel &amp; Aragon, 1996: expected
 * O(log n) search, insertion and removal) and walked through a list in index order; the run
 * found last is tried first, which makes a loop over consecutive elements O(1) per element.
 */
final class ArrayShadow {

    private ElementRun root;
    private ElementRun last;
    private ElementRun finger;
    private int runs;
    private int seed = 0x2545F491;

    /** The run holding {@code index}, or null. */
    ElementRun find(int index) {
        ElementRun f = finger;
        if (f != null && f.start <= index && index < f.end) {
            return f;
        }
        ElementRun n = root;
        while (n != null) {
            if (index < n.start) {
                n = n.left;
            } else if (index >= n.end) {
                n = n.right;
            } else {
                finger = n;
                return n;
            }
        }
        return null;
    }

    /** The first run ending after {@code index} (holding it, or the next one after it), or null. */
    ElementRun firstEndingAfter(int index) {
        ElementRun f = finger;
        if (f != null && f.start <= index && index < f.end) {
            return f;
        }
        ElementRun found = null;
        ElementRun n = root;
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

    /** The last run (highest indexes), or null. */
    ElementRun last() {
        return last;
    }

    int runs() {
        return runs;
    }

    /**
     * A new run {@code [start, end)} placed before {@code next} (null: after every run); the
     * caller guarantees it overlaps no run.
     */
    ElementRun insertBefore(ElementRun next, int start, int end) {
        ElementRun r = new ElementRun(start, end, nextPriority());
        ElementRun prev = next == null ? last : next.prev;
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
    ElementRun split(ElementRun r, int at) {
        int end = r.end;
        r.end = at;
        ElementRun rest = insertBefore(r.next, at, end);
        rest.copyFrom(r);
        return rest;
    }

    /** Removes run {@code r} (its elements become never accessed, or another run's). */
    void remove(ElementRun r) {
        root = remove(root, r);
        if (r.prev != null) {
            r.prev.next = r.next;
        }
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

    /**
     * Merges each run from {@code from} through {@code to}, and the run after {@code to}, into
     * the run just before it when the two touch and have the same state.
     */
    void mergeEqualNeighbours(ElementRun from, ElementRun to) {
        ElementRun stop = to.next;
        ElementRun r = from;
        while (true) {
            ElementRun following = r == stop ? null : r.next;
            ElementRun p = r.prev;
            if (p != null && p.end == r.start && p.sameAs(r)) {
                p.end = r.end;
                remove(r);
            }
            if (following == null) {
                return;
            }
            r = following;
        }
    }

    private int nextPriority() {
        int x = seed; // xorshift32 (Marsaglia, 2003): deterministic, so runs are reproducible
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        seed = x;
        return x;
    }

    private static ElementRun insert(ElementRun n, ElementRun r) {
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
    private static ElementRun rotateRight(ElementRun n) {
        ElementRun l = n.left;
        n.left = l.right;
        l.right = n;
        return l;
    }

    /** Lifts {@code n}'s right child above it, keeping the start order. */
    private static ElementRun rotateLeft(ElementRun n) {
        ElementRun r = n.right;
        n.right = r.left;
        r.left = n;
        return r;
    }

    private static ElementRun remove(ElementRun n, ElementRun r) {
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
    private static ElementRun join(ElementRun a, ElementRun b) {
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
