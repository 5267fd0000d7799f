package dev.racelock.trace;

/**
 * Bit flags carried by lock events. A lock is a monitor or a {@code java.util.concurrent.locks}
 * lock; the flags say which, and how it was taken.
 */
public final class LockFlags {
    /** A Java monitor (synchronized block or method, Object.wait). Absent: a j.u.c. lock. */
    public static final int MONITOR = 1;
    /**
     * A shared (read) hold: ReentrantReadWriteLock read lock, StampedLock read lock. Shared
     * holds do not exclude each other; they order only against exclusive holds of the same lock.
     */
    public static final int SHARED = 1 << 1;
    /** Acquired by a non-blocking tryLock (an inverse order taken this way cannot deadlock). */
    public static final int TRY = 1 << 2;
    /**
     * Release on entering Object.wait / Condition.await, or re-acquire on leaving it. A wait
     * release gives up every reentrant hold at once; the re-acquire restores them.
     */
    public static final int WAIT = 1 << 3;
    /** Acquired with a timeout (tryLock(time, unit)): it blocks, but cannot block forever. */
    public static final int TIMED = 1 << 4;

    /**
     * A monitor the JDK took inside a method the program called ({@code Observable.deleteObserver},
     * {@code Vector.add} ...), recorded as an acquire and a release right after the call returned
     * (trace format 2.3): it says which locks the thread held when it took this one (lock order), but
     * not where the acquisition fell in the synchronization order, so it orders nothing
     * (no happens-before).
     */
    public static final int ORDER_ONLY = 1 << 5;

    /** Every defined bit; a reader rejects others. */
    public static final int ALL = MONITOR | SHARED | TRY | WAIT | TIMED | ORDER_ONLY;

    private LockFlags() {}

    public static boolean isMonitor(int flags) { return (flags & MONITOR) != 0; }

    /** See {@link #ORDER_ONLY}. */
    public static boolean isOrderOnly(int flags) { return (flags & ORDER_ONLY) != 0; }
    public static boolean isShared(int flags) { return (flags & SHARED) != 0; }
    public static boolean isTry(int flags) { return (flags & TRY) != 0; }
    public static boolean isWait(int flags) { return (flags & WAIT) != 0; }
    public static boolean isTimed(int flags) { return (flags & TIMED) != 0; }
}
