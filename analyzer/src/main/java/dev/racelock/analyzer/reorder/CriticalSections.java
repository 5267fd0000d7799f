package dev.racelock.analyzer.reorder;

import dev.racelock.analyzer.collect.LongObjectMap;

import java.util.Arrays;

/**
 * Every outermost critical section of the trace, for the lock rule of the sync-preserving
 * closure ({@link SyncPreservingClosure}): per thread, its sections in acquisition order (epoch
 * of the acquire and of the release, the lock, the section's place in that lock's order, and the
 * section that enclosed it), and per lock and thread, the acquire epochs with their places in
 * the lock's order, so that "the last section of lock l that thread t entered by epoch k" is a
 * binary search.
 *
 * <p>Shared (read) holds are kept as sections like exclusive ones: the closure then keeps their
 * order too, which can only hide a deadlock, never invent one. Bounded memory: the older half of
 * the longest thread's sections can be dropped; a question that needs a dropped section is
 * answered "unknown" (or, for a lock's order, with an upper bound), and the closure then proves
 * nothing.
 */
final class CriticalSections {

    /** No section. */
    static final long NONE = -1;
    /** The answer needs sections that were dropped. */
    static final long UNKNOWN = -2;

    private ThreadSections[] threads = new ThreadSections[16];
    private final LongObjectMap<LockSections> locks = new LongObjectMap<>();
    private long sections;

    /** One thread's sections: parallel arrays, element i being section {@code base + i}. */
    private static final class ThreadSections {
        int[] acq = new int[8];
        int[] rel = new int[8];
        int[] order = new int[8];
        /** How many sections back the enclosing one is (0: none). */
        int[] enclosingBack = new int[8];
        long[] lock = new long[8];
        int size;
        long base;
        /** Sections open now (absolute numbers, with their lock and mode), in acquisition order. */
        long[] open = new long[4];
        long[] openLock = new long[4];
        boolean[] openShared = new boolean[4];
        int openCount;

        void grow() {
            int n = size * 2;
            acq = Arrays.copyOf(acq, n);
            rel = Arrays.copyOf(rel, n);
            order = Arrays.copyOf(order, n);
            enclosingBack = Arrays.copyOf(enclosingBack, n);
            lock = Arrays.copyOf(lock, n);
        }
    }

    /** One lock: how many sections it had, and per thread the acquire epochs and places in order of its sections. */
    private static final class LockSections {
        int acquires;
        int[] threadIds = new int[2];
        Orders[] perThread = new Orders[2];
        int threadCount;

        Orders of(int t) {
            for (int i = 0; i < threadCount; i++) {
                if (threadIds[i] == t) {
                    return perThread[i];
                }
            }
            return null;
        }

        Orders add(int t) {
            if (threadCount == threadIds.length) {
                threadIds = Arrays.copyOf(threadIds, threadCount * 2);
                perThread = Arrays.copyOf(perThread, threadCount * 2);
            }
            Orders o = new Orders();
            threadIds[threadCount] = t;
            perThread[threadCount++] = o;
            return o;
        }
    }

    private static final class Orders {
        int[] acq = new int[4];
        int[] order = new int[4];
        int size;
        /** The largest place in order among dropped entries (-1: none dropped). */
        int droppedMaxOrder = -1;

        void add(int epoch, int place) {
            if (size == acq.length) {
                acq = Arrays.copyOf(acq, size * 2);
                order = Arrays.copyOf(order, size * 2);
            }
            acq[size] = epoch;
            order[size] = place;
            size++;
        }

        /** Drops the entries acquired before {@code epoch}; returns how many. */
        int dropBefore(int epoch) {
            int n = 0;
            while (n < size && acq[n] < epoch) {
                droppedMaxOrder = Math.max(droppedMaxOrder, order[n]);
                n++;
            }
            if (n > 0) {
                System.arraycopy(acq, n, acq, 0, size - n);
                System.arraycopy(order, n, order, 0, size - n);
                size -= n;
            }
            return n;
        }
    }

    /** Sections kept (memory budget). */
    long size() {
        return sections;
    }

    private ThreadSections thread(int t) {
        if (t >= threads.length) {
            threads = Arrays.copyOf(threads, Math.max(t + 1, threads.length * 2));
        }
        ThreadSections s = threads[t];
        if (s == null) {
            s = new ThreadSections();
            threads[t] = s;
        }
        return s;
    }

    void acquire(int t, long lock, boolean shared, int epoch) {
        LockSections l = locks.get(lock);
        if (l == null) {
            l = new LockSections();
            locks.put(lock, l);
        }
        Orders orders = l.of(t);
        if (orders == null) {
            orders = l.add(t);
        }
        int place = l.acquires++;
        orders.add(epoch, place);

        ThreadSections s = thread(t);
        if (s.size == s.acq.length) {
            s.grow();
        }
        long number = s.base + s.size;
        int i = s.size++;
        s.acq[i] = epoch;
        s.rel[i] = 0;
        s.order[i] = place;
        s.lock[i] = lock;
        s.enclosingBack[i] = s.openCount == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, number - s.open[s.openCount - 1]);
        if (s.openCount == s.open.length) {
            s.open = Arrays.copyOf(s.open, s.openCount * 2);
            s.openLock = Arrays.copyOf(s.openLock, s.openCount * 2);
            s.openShared = Arrays.copyOf(s.openShared, s.openCount * 2);
        }
        s.open[s.openCount] = number;
        s.openLock[s.openCount] = lock;
        s.openShared[s.openCount] = shared;
        s.openCount++;
        sections++;
    }

    void release(int t, long lock, boolean shared, int epoch) {
        ThreadSections s = thread(t);
        for (int j = s.openCount - 1; j >= 0; j--) {
            if (s.openLock[j] == lock && s.openShared[j] == shared) {
                int i = (int) (s.open[j] - s.base);
                if (i >= 0) {
                    s.rel[i] = epoch; // else dropped: a question about it is answered "unknown"
                }
                int after = s.openCount - j - 1;
                System.arraycopy(s.open, j + 1, s.open, j, after);
                System.arraycopy(s.openLock, j + 1, s.openLock, j, after);
                System.arraycopy(s.openShared, j + 1, s.openShared, j, after);
                s.openCount--;
                return;
            }
        }
    }

    /** The lock was collected: if one thread alone ever took it, no other thread's section can conflict with its own. */
    void freed(long lock) {
        LockSections l = locks.get(lock);
        if (l != null && l.threadCount <= 1) {
            locks.remove(lock); // its sections stay in the thread's list: they may enclose others
        }
    }

    // ---- questions of the closure -----------------------------------------------------------------

    /**
     * The place in lock order of the last section of {@code lock} that thread t entered by epoch
     * k, {@link #NONE} if none; an upper bound if that needs dropped entries.
     */
    long lastOrder(int t, long lock, int k) {
        LockSections l = locks.get(lock);
        Orders o = l == null ? null : l.of(t);
        if (o == null) {
            return NONE;
        }
        int found = EpochSearch.lastAtMost(o.acq, o.size, k);
        return found >= 0 ? o.order[found] : o.droppedMaxOrder;
    }

    /** The threads that ever took {@code lock} (ids into {@code out}, grown as needed); returns how many. */
    int threadsOf(long lock, int[][] out) {
        LockSections l = locks.get(lock);
        if (l == null) {
            return 0;
        }
        if (out[0].length < l.threadCount) {
            out[0] = new int[l.threadCount * 2];
        }
        System.arraycopy(l.threadIds, 0, out[0], 0, l.threadCount);
        return l.threadCount;
    }

    /** The number of t's last section entered by epoch k; {@link #NONE}, or {@link #UNKNOWN} if it was dropped. */
    long lastEntered(int t, int k) {
        ThreadSections s = t < threads.length ? threads[t] : null;
        if (s == null) {
            return NONE;
        }
        int found = EpochSearch.lastAtMost(s.acq, s.size, k);
        if (found < 0) {
            return s.base > 0 ? UNKNOWN : NONE;
        }
        return s.base + found;
    }

    /** The section that enclosed section {@code number} of t when it was entered: NONE, UNKNOWN (dropped) or its number. */
    long enclosing(int t, long number) {
        ThreadSections s = threads[t];
        int back = s.enclosingBack[(int) (number - s.base)];
        if (back == 0) {
            return NONE;
        }
        long e = number - back;
        return e < s.base ? UNKNOWN : e;
    }

    /** The epoch of the section's release; 0 if it was never released. */
    int releaseEpoch(int t, long number) {
        ThreadSections s = threads[t];
        return s.rel[(int) (number - s.base)];
    }

    long lock(int t, long number) {
        ThreadSections s = threads[t];
        return s.lock[(int) (number - s.base)];
    }

    int order(int t, long number) {
        ThreadSections s = threads[t];
        return s.order[(int) (number - s.base)];
    }

    // ---- memory -------------------------------------------------------------------------------------

    /** Drops the older half of the longest thread's sections; returns how many were dropped. */
    long dropOldest() {
        int longest = -1;
        for (int t = 0; t < threads.length; t++) {
            if (threads[t] != null && (longest < 0 || threads[t].size > threads[longest].size)) {
                longest = t;
            }
        }
        if (longest < 0 || threads[longest].size < 2) {
            return 0;
        }
        ThreadSections s = threads[longest];
        int cut = s.size / 2;
        int keptFrom = s.acq[cut];
        System.arraycopy(s.acq, cut, s.acq, 0, s.size - cut);
        System.arraycopy(s.rel, cut, s.rel, 0, s.size - cut);
        System.arraycopy(s.order, cut, s.order, 0, s.size - cut);
        System.arraycopy(s.enclosingBack, cut, s.enclosingBack, 0, s.size - cut);
        System.arraycopy(s.lock, cut, s.lock, 0, s.size - cut);
        s.size -= cut;
        s.base += cut;
        int t = longest;
        locks.forEachValue(l -> {
            Orders o = l.of(t);
            if (o != null) {
                o.dropBefore(keptFrom);
            }
        });
        sections -= cut;
        return cut;
    }
}
