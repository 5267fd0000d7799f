package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.collect.LongObjectMap;

/**
 * The WCP rule (a) states of one location, one per lock ({@link LockedAccesses}): the first
 * lock's in this object itself, the others chained from it, and indexed by lock once the chain
 * is long. A memory location's are in its {@link Location}; a volatile or hand-off token
 * accessed inside critical sections has one of these alone (PredictiveRaceAnalysis.SyncLocation),
 * 56 bytes instead of a whole Location's 104 (the cache workload's trace held 3 million).
 */
class SectionGuards extends LockedAccesses {

    /**
     * The chained rule (a) states by lock, once the chain is longer than {@link #CHAIN_SEARCHED}:
     * a location accessed inside the sections of many locks (a static field read under each of the
     * 600,000 entry locks of the cache workload) would otherwise cost a walk of the chain per access.
     * Valid while {@link #indexed}; a copy's chain (copyFrom) is walked on its first search and
     * indexed on its second: an array element's state is copied to a scratch state at each
     * access and searched about once there, and a map per copy was most of the analysis's
     * allocation on the Xalan trace (LongObjectMap's arrays 25%, chained states 19%).
     */
    private LongObjectMap<LockedAccesses> byLock;
    private boolean indexed;
    /** The chain was walked once since it was copied or grew past CHAIN_SEARCHED without an index. */
    private boolean walked;
    private int chained;

    SectionGuards() {
    }

    /** The rule (a) state for {@code lock}: this object itself for the first lock (most locations have one), else a chained one. */
    LockedAccesses guard(long lock) {
        if (this.lock == lock) {
            return this;
        }
        if (this.lock == NO_LOCK) {
            this.lock = lock;
            return this;
        }
        if (chained > CHAIN_SEARCHED) {
            if (!indexed && walked) {
                indexChain();
            }
            if (indexed) {
                LockedAccesses g = byLock.get(lock);
                return g != null ? g : chain(lock);
            }
            walked = true;
        }
        for (LockedAccesses g = next; g != null; g = g.next) {
            if (g.lock == lock) {
                return g;
            }
        }
        return chain(lock);
    }

    /** Chained rule (a) states searched one by one; past this many, {@link #byLock} finds them. */
    static final int CHAIN_SEARCHED = 8;

    /** A new rule (a) state for {@code lock}, chained first. */
    private LockedAccesses chain(long lock) {
        LockedAccesses g = new LockedAccesses(lock);
        g.next = next;
        next = g;
        if (++chained > CHAIN_SEARCHED && indexed) {
            byLock.put(lock, g);
        }
        return g;
    }

    /** Indexes the chain, in the map this object already has when it has one. */
    private void indexChain() {
        if (byLock == null) {
            byLock = new LongObjectMap<>(chained * 2);
        } else {
            byLock.clear();
        }
        for (LockedAccesses g = next; g != null; g = g.next) {
            byLock.put(g.lock, g);
        }
        indexed = true;
    }

    /** This := a copy of {@code o}'s states ({@link #copyGuardsFrom}). */
    final void copyAllGuardsFrom(SectionGuards o) {
        copyGuardsFrom(o);
        chained = o.chained;
        indexed = false; // the map, if any, is kept for the next index of this chain
        walked = false;
    }
}
