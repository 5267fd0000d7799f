package dev.racelock.analyzer.reorder;

import dev.racelock.analyzer.collect.KeyedLocation;

/** The last write of one location: the thread and the epoch it was made in (what a read of it reads from). */
final class LastWrite extends KeyedLocation {

    int thread = -1;
    int epoch;

    LastWrite(long object, int slot) {
        super(object, slot);
    }
}
