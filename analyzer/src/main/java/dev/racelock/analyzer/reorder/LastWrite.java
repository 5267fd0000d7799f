package dev.racelock.analyzer.reorder;

import dev.racelock.analyzer.collect.ElementRuns;

/**
 * The last write of one location: the thread and the epoch it was made in (what a read of it
 * reads from). Of a field, in {@link SyncPreservingTrace}'s column of a
 * {@link dev.racelock.analyzer.collect.LocationStates}, whose row carries the key; of a run of
 * array elements, in {@link ElementRuns}.
 */
final class LastWrite implements ElementRuns.State<LastWrite> {

    int thread = -1;
    int epoch;

    LastWrite() {
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
