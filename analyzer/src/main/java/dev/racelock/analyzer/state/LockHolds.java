package dev.racelock.analyzer.state;

import dev.racelock.analyzer.collect.InternedTree;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.LockSetInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The locks each thread holds, with reentrancy counts (docs/analyses.md: only the outermost
 * acquire/release pair of a reentrant lock is an edge) and the Object.wait / Condition.await
 * protocol (LockFlags.WAIT: the release gives up every hold at once, the re-acquire restores
 * them). Each thread's held set is also one interned lock-set id (labels: lock class,
 * acquisition site) that accesses store as evidence.
 */
public final class LockHolds {

    private final LockClasses classes;
    private final InternedTree lockSets = new InternedTree();
    private ThreadHolds[] threads = new ThreadHolds[16];
    /** The agent's lock sets (LockSetInfo ids, 0 = none) as ids of {@link #lockSets}. */
    private int[] agentLockSets = new int[16];

    LockHolds(LockClasses classes) {
        this.classes = classes;
    }

    private static final class ThreadHolds {
        long[] lock = new long[4];
        int[] count = new int[4];
        int[] flags = new int[4];
        int[] site = new int[4];
        int[] context = new int[4];
        int[] node = new int[4];
        int size;
        // Holds given up by a WAIT release, restored by the WAIT re-acquire.
        long[] waitingLock = new long[1];
        int[] waitingCount = new int[1];
        int waiting;

        /** The entry holding {@code l} in that mode: a read-write lock's read and write holds count apart. */
        int indexOf(long l, boolean shared) {
            for (int i = size - 1; i >= 0; i--) {
                if (lock[i] == l && LockFlags.isShared(flags[i]) == shared) {
                    return i;
                }
            }
            return -1;
        }

        int lockSet() {
            return size == 0 ? InternedTree.ROOT : node[size - 1];
        }

        /** The lock set below entry {@code i}. */
        int lockSet0(int i) {
            return i == 0 ? InternedTree.ROOT : node[i - 1];
        }
    }

    private ThreadHolds holds(int thread) {
        if (thread >= threads.length) { // a per-event path: no field store unless it grows
            threads = ArrayGrowth.toFit(threads, thread);
        }
        ThreadHolds h = threads[thread];
        if (h == null) {
            h = new ThreadHolds();
            threads[thread] = h;
        }
        return h;
    }

    private ThreadHolds peek(int thread) {
        return thread < threads.length ? threads[thread] : null;
    }

    /**
     * How many times {@code thread} holds {@code lock} right now in the mode of {@code flags}
     * (shared or exclusive; 0: not held that way). Read and write holds of one read-write lock
     * are counted apart, so that a write unlock after a downgrade (write lock, read lock, write
     * unlock) is the outermost exclusive release it is.
     */
    public int holdCount(int thread, long lock, int flags) {
        ThreadHolds h = peek(thread);
        if (h == null) {
            return 0;
        }
        int i = h.indexOf(lock, LockFlags.isShared(flags));
        return i < 0 ? 0 : h.count[i];
    }

    /** True when this acquire is a happens-before edge: the outermost one, or a WAIT re-acquire. */
    public boolean isOutermostAcquire(int thread, long lock, int flags) {
        return LockFlags.isWait(flags) || holdCount(thread, lock, flags) == 0;
    }

    /** True when this acquire orders locks (lock-order edge): outermost, and not a WAIT re-acquire. */
    public boolean isLockOrderAcquire(int thread, long lock, int flags) {
        return !LockFlags.isWait(flags) && holdCount(thread, lock, flags) == 0;
    }

    /** True when this release is a happens-before edge: the outermost one, or a WAIT release. */
    public boolean isOutermostRelease(int thread, long lock, int flags) {
        int held = holdCount(thread, lock, flags);
        return LockFlags.isWait(flags) ? held > 0 : held == 1;
    }

    /** The interned id of the thread's held set (0: no lock held). */
    public int lockSet(int thread) {
        ThreadHolds h = peek(thread);
        return h == null ? InternedTree.ROOT : h.lockSet();
    }

    public int heldCount(int thread) {
        ThreadHolds h = peek(thread);
        return h == null ? 0 : h.size;
    }

    /** The {@code i}-th held lock, outermost first. */
    public long heldLock(int thread, int i) {
        return threads[thread].lock[i];
    }

    public int heldSite(int thread, int i) {
        return threads[thread].site[i];
    }

    public int heldContext(int thread, int i) {
        return threads[thread].context[i];
    }

    public int heldFlags(int thread, int i) {
        return threads[thread].flags[i];
    }

    void acquire(int thread, long lock, int site, int flags, int context) {
        ThreadHolds h = holds(thread);
        int i = h.indexOf(lock, LockFlags.isShared(flags));
        if (LockFlags.isWait(flags)) {
            int restored = 1;
            for (int w = 0; w < h.waiting; w++) {
                if (h.waitingLock[w] == lock) {
                    restored = h.waitingCount[w];
                    h.waitingLock[w] = h.waitingLock[h.waiting - 1];
                    h.waitingCount[w] = h.waitingCount[h.waiting - 1];
                    h.waiting--;
                    break;
                }
            }
            if (i >= 0) {
                h.count[i] += restored;
            } else {
                push(h, lock, site, flags, context, restored);
            }
            return;
        }
        if (i >= 0) {
            h.count[i]++;
        } else {
            push(h, lock, site, flags, context, 1);
        }
    }

    void release(int thread, long lock, int flags) {
        ThreadHolds h = peek(thread);
        int i = h == null ? -1 : h.indexOf(lock, LockFlags.isShared(flags));
        if (i < 0) {
            return; // released without a recorded acquire (trace began mid-section): nothing held
        }
        if (LockFlags.isWait(flags)) {
            h.waitingLock = ArrayGrowth.toFit(h.waitingLock, h.waiting);
            h.waitingCount = ArrayGrowth.toFit(h.waitingCount, h.waiting);
            h.waitingLock[h.waiting] = lock;
            h.waitingCount[h.waiting] = h.count[i];
            h.waiting++;
            remove(h, i);
        } else if (--h.count[i] == 0) {
            remove(h, i);
        }
    }

    private void push(ThreadHolds h, long lock, int site, int flags, int context, int count) {
        if (h.size == h.lock.length) { // a per-event path: no field stores unless it grows
            h.lock = ArrayGrowth.toFit(h.lock, h.size);
            h.count = ArrayGrowth.toFit(h.count, h.size);
            h.flags = ArrayGrowth.toFit(h.flags, h.size);
            h.site = ArrayGrowth.toFit(h.site, h.size);
            h.context = ArrayGrowth.toFit(h.context, h.size);
            h.node = ArrayGrowth.toFit(h.node, h.size);
        }
        int i = h.size++;
        h.lock[i] = lock;
        h.count[i] = count;
        h.flags[i] = flags & ~LockFlags.WAIT;
        h.site[i] = site;
        h.context[i] = context;
        h.node[i] = lockSets.child(h.lockSet0(i), classes.of(lock, flags, site).id(), site);
    }

    /** Removes entry {@code i}; j.u.c. locks may be released out of order, so the sets above it are re-interned. */
    private void remove(ThreadHolds h, int i) {
        int tail = h.size - i - 1;
        System.arraycopy(h.lock, i + 1, h.lock, i, tail);
        System.arraycopy(h.count, i + 1, h.count, i, tail);
        System.arraycopy(h.flags, i + 1, h.flags, i, tail);
        System.arraycopy(h.site, i + 1, h.site, i, tail);
        System.arraycopy(h.context, i + 1, h.context, i, tail);
        h.size--;
        for (int j = i; j < h.size; j++) {
            h.node[j] = lockSets.child(h.lockSet0(j), classes.of(h.lock[j], h.flags[j], h.site[j]).id(), h.site[j]);
        }
    }

    /**
     * A lock set the agent names in owned accesses: the same node the holds would have built
     * here ({@link #push}: lock class, site), so the access's evidence reads the same.
     */
    void define(LockSetInfo set) {
        agentLockSets = ArrayGrowth.toFit(agentLockSets, set.id());
        int parent = set.parent() < agentLockSets.length ? agentLockSets[set.parent()] : InternedTree.ROOT;
        agentLockSets[set.id()] = lockSets.child(parent, classes.of(set.lock(), set.flags(), set.site()).id(), set.site());
    }

    /** The lock-set id of agent lock set {@code id} (LockSetInfo), the empty set if unknown. */
    public int agentLockSet(int id) {
        return id > 0 && id < agentLockSets.length ? agentLockSets[id] : InternedTree.ROOT;
    }

    /** The held locks of lock set {@code lockSet}, outermost first, as reports show them. */
    public List<HeldLock> describe(TraceDictionary dictionary, int lockSet) {
        List<HeldLock> held = new ArrayList<>();
        for (int node = lockSet; node != InternedTree.ROOT; node = lockSets.parent(node)) {
            held.add(new HeldLock(classes.byId(lockSets.labelA(node)).ref(),
                    dictionary.sourceSite(lockSets.labelB(node))));
        }
        Collections.reverse(held);
        return held;
    }

    /** The lock classes in lock set {@code lockSet}, outermost first. */
    public List<LockClass> classesOf(int lockSet) {
        List<LockClass> held = new ArrayList<>();
        for (int node = lockSet; node != InternedTree.ROOT; node = lockSets.parent(node)) {
            held.add(classes.byId(lockSets.labelA(node)));
        }
        Collections.reverse(held);
        return held;
    }
}
