package dev.racelock.analyzer.reorder;

import dev.racelock.analyzer.collect.ElementRuns;
import dev.racelock.analyzer.collect.KeyedLocation;

/**
 * The last write of one location: the thread and the epoch it was made in (what a read of it
 * reads from). Of a field, keyed by object and field; of a run of array elements, unkeyed
 * ({@link ElementRuns}).
 */
final class LastWrite extends KeyedLocation implements ElementRuns.State<LastWrite> {

    int thread = -1;
    int epoch;

    LastWrite(long object, int slot) {
        super(object, slot);
    }

    /** The state of a run of array elements. */
    LastWrite() {
        super(Long.MIN_VALUE, -1);
    }

    @Override
    public void copyFrom(LastWrite o) {
        thread = o.thread;
        epoch = o.epoch;
    }

    @Override
    public boolean sameAs(LastWrite o) {
        return thread == o.thread && epoch == o.epoch;
    }

    @Override
    public void clear() {
        thread = -1;
        epoch = 0;
    }
}
