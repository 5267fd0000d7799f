package dev.racelock.analyzer.lockorder;

import java.util.ArrayList;
import java.util.List;

/**
 * A lock-order edge "{@code from} was held while {@code to} was acquired", between lock classes
 * or, inside one class, between instances. Keeps a bounded set of witnesses: per distinct
 * (thread, site, held site, non-blocking) the first acquisition and the latest one whose
 * happens-before position differs (a repeated acquisition in the same position adds nothing).
 * Each edge is its own object, as JGraphT expects of edges.
 */
final class OrderEdge {

    /** Distinct witness keys kept per edge; more are counted, not kept. */
    static final int MAX_WITNESS_KEYS = 16;

    final Object from;
    final Object to;
    final List<Slot> slots = new ArrayList<>(2);
    long count;

    /**
     * The witnesses of one key: the thread, site and blocking of the acquisition, which its first
     * witness holds, and the site where the edge's source lock was taken.
     */
    static final class Slot {
        final int heldSite;
        final Acquisition first;
        Acquisition last;
        long lastVersion;

        Slot(int heldSite, Acquisition first, long version) {
            this.heldSite = heldSite;
            this.first = first;
            this.lastVersion = version;
        }
    }

    OrderEdge(Object from, Object to) {
        this.from = from;
        this.to = to;
    }

    /** The slot for this key, or null. */
    Slot slot(int thread, int site, int heldSite, boolean nonBlocking) {
        for (Slot s : slots) {
            if (s.heldSite == heldSite && s.first.thread() == thread && s.first.site() == site
                    && s.first.nonBlocking() == nonBlocking) {
                return s;
            }
        }
        return null;
    }

    /** Witnesses to try, first ones first. */
    List<Acquisition> witnesses() {
        List<Acquisition> w = new ArrayList<>(slots.size() * 2);
        for (Slot s : slots) {
            w.add(s.first);
        }
        for (Slot s : slots) {
            if (s.last != null) {
                w.add(s.last);
            }
        }
        return w;
    }
}
