package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.WeakIdentityMap;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;

/**
 * The trace identity of java.util.concurrent locks and of the objects that stand for them.
 *
 * <p>A lock is named by a lock id of its own, never by its object id: a {@code ReentrantLock}
 * and the monitor of the same object are two locks (JLS 17.1: every object has a monitor; the
 * {@code ReentrantLock} is another lock implemented in it), so a field guarded by one and
 * accessed under the other is a race. The id comes from the object id counter at the lock's
 * first sight (so it names no object) and is described in the trace like an object (class,
 * site of first sight). When the lock is collected its id is reported freed, as an object's
 * would be, at the next binding.
 *
 * <p>The read and write views of a {@code ReadWriteLock} (and of a {@code StampedLock}) are
 * named by their owner, with {@link LockFlags#SHARED} for a read view, so the analyzer sees one
 * lock taken shared or exclusive (docs/juc.md). A view is bound to its owner when recorded
 * code obtains it ({@code readLock()}, {@code asReadLock()}, ...); a view first seen elsewhere
 * stands for itself. A {@code Condition} is bound to its lock at {@code newCondition()}.
 *
 * <p>Every lock's binding is made once, at first sight; later lookups take no lock
 * ({@link WeakIdentityMap#get}). A binding holds {@code lockId << 2 | view << 1 | shared}.
 */
public final class LockIds {
    private static final WeakIdentityMap LOCKS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);
    private static final WeakIdentityMap CONDITIONS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);

    private static final long VIEW = 2;
    private static final long SHARED = 1;

    private LockIds() {}

    /** The binding of {@code lock}, made at first sight. */
    static long binding(Object lock, int site, ThreadContext c) {
        long bound = LOCKS.get(lock);
        if (bound != 0) {
            return bound;
        }
        long id = ObjectIds.newId(c);
        // described before anyone can see the id; if another thread binds the lock first, this id stays unused
        Recording.output().dictionary().defineObject(new ObjectInfo(id, lock.getClass().getName(), site, -1));
        return LOCKS.bind(lock, id << 2, false, LockIds::collected);
    }

    /** A collected lock's id is freed; a view's is its owner's, which may still be in use. */
    private static void collected(long binding) {
        if ((binding & VIEW) == 0) {
            Recording.output().dictionary().objectFreed(id(binding));
        }
    }

    static long id(long binding) {
        return binding >>> 2;
    }

    /** SHARED for a read view, else 0. */
    static int sharedFlag(long binding) {
        return (binding & SHARED) != 0 ? LockFlags.SHARED : 0;
    }

    /** Binds a read or write view to the lock that owns it (itself perhaps a view: resolved); returns the view. */
    static <V> V bindView(V view, Object owner, boolean shared, int site, ThreadContext c) {
        if (view != null && owner != null && view != owner) {
            long ownerId = id(binding(owner, site, c));
            LOCKS.bind(view, ownerId << 2 | VIEW | (shared ? SHARED : 0), true, LockIds::collected);
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
