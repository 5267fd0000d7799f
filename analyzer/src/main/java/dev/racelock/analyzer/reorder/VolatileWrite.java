package dev.racelock.analyzer.reorder;

import dev.racelock.analyzer.collect.KeyedLocation;

/** The last write of a volatile location (as {@link LastWrite}), keyed by object and slot in a table of its own. */
final class VolatileWrite extends KeyedLocation {

    int thread = -1;
    int epoch;

    VolatileWrite(long object, int slot) {
        super(object, slot);
    }
}
