package dev.racelock.agent.runtime;

import dev.racelock.trace.LockSetInfo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run's lock sets as a tree of holds ({@link LockSetInfo}), shared by all threads: each
 * distinct (set, lock, site, flags) gets an id and a dictionary entry, written before any event
 * that names it. Looked up only when an owned access needs the locks its thread holds and they
 * changed since the last lookup ({@link OwnershipRecorder#lockSet}).
 *
 * <p>Bounded: past {@link #LIMIT} sets (a program that locks a new object for each of many
 * owned accesses) {@link #child} answers -1 and the caller records the access as it would
 * without the ownership filter. Lock ids are never reused, so an entry never names another lock.
 */
final class LockSets {
    static final int LIMIT = 1 << 16;

    private record Hold(int parent, long lock, int site, int flags) {}

    private static final ConcurrentHashMap<Hold, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private LockSets() {}

    /** The id of {@code parent} plus one hold of {@code lock}, or -1 past the limit. */
    static int child(int parent, long lock, int site, int flags) {
        Hold hold = new Hold(parent, lock, site, flags);
        Integer id = IDS.get(hold);
        if (id != null) {
            return id;
        }
        if (IDS.size() >= LIMIT) {
            return -1;
        }
        return IDS.computeIfAbsent(hold, h -> {
            int fresh = NEXT.getAndIncrement();
            Recording.output().dictionary()
                    .defineLockSet(new LockSetInfo(fresh, h.parent(), h.lock(), h.site(), h.flags()));
            return fresh;
        });
    }


    /** Forgets every set: a recording starting into a new trace, whose dictionary must define them again. */
    static void forgetAll() {
        IDS.clear();
        NEXT.set(1);
    }
}
