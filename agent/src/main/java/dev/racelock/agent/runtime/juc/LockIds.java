package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.WeakIdentityMap;
import dev.racelock.trace.LockFlags;

/**
 * The trace identity of java.util.concurrent locks and of the objects that stand for them.
 *
 * <p>A lock is named by the object id of the lock that owns the state: a {@code ReentrantLock}
 * by itself, the read and write views of a {@code ReadWriteLock} (and of a {@code StampedLock})
 * by their owner, with {@link LockFlags#SHARED} for a read view, so the analyzer sees one lock
 * taken shared or exclusive (docs/juc.md). A view is bound to its owner when recorded code
 * obtains it ({@code readLock()}, {@code asReadLock()}, ...); a view first seen elsewhere stands
 * for itself. A {@code Condition} is bound to its lock at {@code newCondition()}.
 *
 * <p>Every lock's binding is made once, at first sight; later lookups take no lock
 * ({@link WeakIdentityMap#get}). Its ObjectInfo (class, first site) comes with its object id.
 * A binding holds {@code ownerId << 1 | shared}.
 */
public final class LockIds {
    private static final WeakIdentityMap LOCKS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);
    private static final WeakIdentityMap CONDITIONS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);

    private LockIds() {}

    /** The binding of {@code lock} ({@code id << 1 | shared}), made at first sight. */
    static long binding(Object lock, int site, ThreadContext c) {
        long bound = LOCKS.get(lock);
        if (bound != 0) {
            return bound;
        }
        // the id's first sight also describes the lock in the trace (ObjectIds: class, site)
        return LOCKS.bind(lock, ObjectIds.of(lock, site, c) << 1, false);
    }

    static long id(long binding) {
        return binding >>> 1;
    }

    /** SHARED for a read view, else 0. */
    static int sharedFlag(long binding) {
        return (binding & 1) != 0 ? LockFlags.SHARED : 0;
    }

    /** Binds a read or write view to the lock that owns it (itself perhaps a view: resolved); returns the view. */
    static <V> V bindView(V view, Object owner, boolean shared, int site, ThreadContext c) {
        if (view != null && owner != null && view != owner) {
            long ownerId = id(binding(owner, site, c));
            LOCKS.bind(view, ownerId << 1 | (shared ? 1 : 0), true);
        }
        return view;
    }

    static void bindCondition(Object condition, long lockBinding) {
        if (condition != null) {
            CONDITIONS.bind(condition, lockBinding, true);
        }
    }

    /** The binding of the lock a condition belongs to, or 0 if it was not created by recorded code. */
    static long conditionLock(Object condition) {
        return CONDITIONS.get(condition);
    }
}
