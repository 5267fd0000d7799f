package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.state.LockClass;

/**
 * One lock object, as a vertex of the instance-level graph inside a lock class (one shared
 * object per lock, compared by identity, as JGraphT's cycle finders need).
 */
final class LockInstance {

    final long id;
    final LockClass lockClass;

    LockInstance(long id, LockClass lockClass) {
        this.id = id;
        this.lockClass = lockClass;
    }

    @Override
    public String toString() {
        return lockClass.name() + "#" + id;
    }
}
