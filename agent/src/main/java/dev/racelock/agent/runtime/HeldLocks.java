package dev.racelock.agent.runtime;

import dev.racelock.trace.LockFlags;

import java.util.Arrays;

/**
 * The locks one thread holds by its recorded lock events, counted as the analyzer's
 * {@code LockHolds} counts them, so that "holds no lock" here is "holds no lock" there: one
 * entry per lock and mode (a read-write lock's read and write holds apart) with its reentrancy
 * count; a release of a lock with no entry changes nothing (acquired before the trace began, or
 * outside recorded code); a {@link LockFlags#WAIT} release gives up every hold of the lock at
 * once and the WAIT re-acquire restores them ({@code Object.wait}, {@code Condition.await}).
 * Order-only holds ({@link LockFlags#ORDER_ONLY}) are never entries: they are acquired and
 * released right after the call that took them, with nothing between.
 *
 * <p>Owned by one thread, plain fields. Hot path: a scan of the few held entries; allocates only
 * to grow past the deepest nesting seen.
 */
final class HeldLocks {
    // outermost first
    long[] lock = new long[4];
    int[] flags = new int[4];
    int[] site = new int[4];
    private int[] count = new int[4];
    int size;
    /**
     * states[i]: the id of the held set made of entries 0..i-1 (0: none held). A push or a shift
     * gives the sets above a fresh id, so equal ids are the same locks, taken at the same sites
     * with the same flags (a lock taken and released in between gives the outer set its id back).
     */
    private long[] states = new long[5];
    private long lastState;
    /** The lowest index an entry was removed from since {@link #takeLowestRemoved} (entries above it moved). */
    private int lowestRemoved = Integer.MAX_VALUE;
    private long[] waitingLock = new long[1];
    private int[] waitingCount = new int[1];
    private int waiting;

    private int indexOf(long l, boolean shared) {
        for (int i = size - 1; i >= 0; i--) {
            if (lock[i] == l && LockFlags.isShared(flags[i]) == shared) {
                return i;
            }
        }
        return -1;
    }

    void acquired(long l, int atSite, int withFlags) {
        int i = indexOf(l, LockFlags.isShared(withFlags));
        int restored = 1;
        if (LockFlags.isWait(withFlags)) {
            for (int w = 0; w < waiting; w++) {
                if (waitingLock[w] == l) {
                    restored = waitingCount[w];
                    waitingLock[w] = waitingLock[waiting - 1];
                    waitingCount[w] = waitingCount[waiting - 1];
                    waiting--;
                    break;
                }
            }
        }
        if (i >= 0) {
            count[i] += restored;
            return;
        }
        if (size == lock.length) {
            int n = size * 2;
            lock = Arrays.copyOf(lock, n);
            flags = Arrays.copyOf(flags, n);
            site = Arrays.copyOf(site, n);
            count = Arrays.copyOf(count, n);
            states = Arrays.copyOf(states, n + 1);
        }
        states[size + 1] = ++lastState;
        lock[size] = l;
        flags[size] = withFlags & ~LockFlags.WAIT;
        site[size] = atSite;
        count[size] = restored;
        size++;
    }

    /** @return whether the release is an edge of the analyzer's happens-before (outermost, or a wait) */
    boolean released(long l, int withFlags) {
        int i = indexOf(l, LockFlags.isShared(withFlags));
        if (i < 0) {
            return false; // released without a recorded acquire: nothing held
        }
        if (LockFlags.isWait(withFlags)) {
            if (waiting == waitingLock.length) {
                waitingLock = Arrays.copyOf(waitingLock, waiting * 2);
                waitingCount = Arrays.copyOf(waitingCount, waiting * 2);
            }
            waitingLock[waiting] = l;
            waitingCount[waiting] = count[i];
            waiting++;
            remove(i);
            return true;
        }
        boolean outermost = count[i] == 1;
        if (--count[i] == 0) {
            remove(i);
        }
        return outermost;
    }

    private void remove(int i) {
        if (i == size - 1) {
            size--; // the innermost, as locks are mostly released: nothing moves
            lowestRemoved = Math.min(lowestRemoved, i);
            return;
        }
        int tail = size - i - 1;
        System.arraycopy(lock, i + 1, lock, i, tail);
        System.arraycopy(flags, i + 1, flags, i, tail);
        System.arraycopy(site, i + 1, site, i, tail);
        System.arraycopy(count, i + 1, count, i, tail);
        size--;
        for (int j = i + 1; j <= size; j++) {
            states[j] = ++lastState;
        }
        lowestRemoved = Math.min(lowestRemoved, i);
    }

    /** The id of the set held now (see {@link #states}); 0 when none is held. */
    long state() {
        return states[size];
    }

    /**
     * The lowest index an entry was removed from since the last call (entries from there up are
     * not the ones they were), {@link Integer#MAX_VALUE} for none; for a caller that keeps
     * something per entry (OwnershipRecorder's lock-set ids).
     */
    int takeLowestRemoved() {
        int lowest = lowestRemoved;
        lowestRemoved = Integer.MAX_VALUE;
        return lowest;
    }
}
