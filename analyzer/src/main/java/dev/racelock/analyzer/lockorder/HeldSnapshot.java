package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.state.LockClass;

/**
 * A lock held at the moment of an acquisition.
 *
 * @param lock      lock object id
 * @param lockClass its class
 * @param site      where it was taken
 * @param context   calling context where it was taken
 * @param shared    a shared (read) hold: does not exclude other shared holders
 */
record HeldSnapshot(long lock, LockClass lockClass, int site, int context, boolean shared) {}
