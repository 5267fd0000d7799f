package dev.racelock.analyzer.predict;

import java.util.Arrays;

/**
 * What WCP keeps per lock: the clocks of its last release (the observed hand-off, which HB takes
 * and WCP composes with), and its exclusive critical sections in lock order for rule (b) of
 * weak causal precedence (PLDI 2017, Definition 3: if the acquire of an earlier critical section
 * on l precedes the release of a later one, so does its release).
 *
 * <p>The paper keeps one FIFO queue per lock and thread, each holding a vector clock per
 * acquire. Here one list per lock serves every thread through a cursor, and an acquire is kept
 * as an epoch: the acquires that precede a release form a prefix of the list (an acquire
 * happens before every later acquire of the same lock, and WCP is closed under composition with
 * HB on the left), and the releases' clocks grow along the list, so a release joins only the
 * clock of the last qualifying section of another thread.
 *
 * <p>Past {@link #TRIM_AT} kept sections, those every live cursor has passed are dropped, and past
 * {@link #MAX_KEPT} the oldest are dropped anyway (memory follows live state, never trace
 * length); a thread that has not examined dropped sections (one left behind, or new to the lock)
 * then orders its release after all of them, which can hide a prediction but never invent one.
 */
final class LockHistory {

    static final int MAX_KEPT = 1 << 16;

    /** The lock object's id. */
    final long id;
    /** Sections kept before examined ones are dropped: a thread new to the lock still sees these. */
    static final int TRIM_AT = 256;

    /** max(H, P) of the last exclusive release; P of that release (what the next acquire takes in P). */
    int[] releaseH;
    int[] releaseP;
    CriticalSection lastReleased;
    /** For read-write locks: H and max(H, P) joined over shared releases since the last exclusive one. */
    int[] sharedH;
    int[] sharedFull;
    /** The section open now, if an exclusive holder has it. */
    CriticalSection open;

    /**
     * The kept sections, a ring from {@link #head}; its length is a power of two (it starts at 8 or
     * 1 and doubles), so an index wraps with a mask: the walk of {@link #precedingRelease} took a
     * 64-bit division per section examined.
     */
    private CriticalSection[] sections = new CriticalSection[8];
    private int head;
    private int size;
    /** Absolute index of sections[head]. */
    private long base;
    /** The last section dropped, whose release a thread left behind is ordered after. */
    private CriticalSection dropped;
    /** Per thread: the absolute index of the first section it has not examined; -1: never used this lock. */
    private long[] cursor = new long[0];

    LockHistory(long id) {
        this.id = id;
    }

    /** Appends a section just acquired; true when its thread had no cursor on this lock yet. */
    boolean opened(CriticalSection cs) {
        open = cs;
        if (size == sections.length) {
            if (size >= MAX_KEPT) {
                dropOldest();
            } else {
                CriticalSection[] n = new CriticalSection[sections.length * 2];
                for (int i = 0; i < size; i++) {
                    n[i] = sections[(head + i) & (sections.length - 1)];
                }
                sections = n;
                head = 0;
            }
        }
        sections[(head + size) & (sections.length - 1)] = cs;
        size++;
        if (cs.thread >= cursor.length) {
            int old = cursor.length;
            cursor = Arrays.copyOf(cursor, Math.max(cs.thread + 1, old * 2));
            Arrays.fill(cursor, old, cursor.length, -1);
        }
        if (cursor[cs.thread] < 0) {
            // A thread new to this lock examines every kept section, and is ordered after the
            // dropped ones (it cannot examine them any more).
            cursor[cs.thread] = base > 0 ? base - 1 : 0;
            return true;
        }
        return false;
    }

    private void dropOldest() {
        dropped = sections[head];
        sections[head] = null;
        head = (head + 1) & (sections.length - 1);
        size--;
        base++;
    }

    /**
     * Rule (b) at the release of thread t's open section: the release clock of the last section
     * of another thread whose acquire precedes this release, or null. {@code clocks} gives C_t.
     */
    int[] precedingRelease(int t, WcpClocks clocks) {
        long end = base + size - 1; // t's own open section is the last one
        long at = cursor[t];
        int[] joined = null;
        if (at < base) {
            joined = dropped.relClock; // left behind by dropped sections: ordered after them all
            at = base;
        }
        for (; at < end; at++) {
            CriticalSection cs = sections[(int) (head + (at - base)) & (sections.length - 1)];
            if (cs.thread == t) {
                continue;
            }
            int known = clocks.c(t, cs.thread);
            if (joined != null && cs.thread < joined.length) {
                known = Math.max(known, joined[cs.thread]);
            }
            if (cs.acqEpoch > known) {
                break;
            }
            joined = cs.relClock;
        }
        cursor[t] = at;
        trim();
        return joined;
    }

    /** Drops the sections every thread that uses this lock has examined, once there are enough to matter. */
    private void trim() {
        if (size <= TRIM_AT) {
            return;
        }
        long min = base + size;
        for (long c : cursor) {
            if (c >= 0 && c < min) {
                min = c;
            }
        }
        while (base < min && size > 1) {
            dropOldest();
        }
    }

    /** The lock was collected: nothing refers to its sections any more. */
    void forgetAll() {
        sections = new CriticalSection[1];
        head = 0;
        size = 0;
        cursor = new long[0];
    }

    /** An ended thread examines nothing more. */
    void forget(int thread) {
        if (thread < cursor.length) {
            cursor[thread] = -1;
        }
    }
}
