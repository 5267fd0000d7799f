package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.trace.LockFlags;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Call-site hooks for {@link Lock} (every implementation), {@link ReadWriteLock} views and
 * {@link Condition}; see {@code JucCallSiteHooks} for the table. Each takes the original
 * receiver and arguments, the call's site and the caller's context, records and calls the
 * original: a request before a blocking acquire, the acquire after it succeeded, the release
 * before the unlock (ThreadEventBuffer's sequence rule). Reentrancy is left to the analyzer:
 * every acquire and release is recorded.
 */
public final class LockHooks {
    private static final int WAIT = LockFlags.WAIT;

    private LockHooks() {}

    public static void lock(Lock lock, int site, ThreadContext c) {
        long b = LockIds.binding(lock, site, c);
        int flags = LockIds.sharedFlag(b);
        c.lockRequest(LockIds.id(b), site, flags);
        lock.lock();
        c.lockAcquire(LockIds.id(b), site, flags);
    }

    public static void lockInterruptibly(Lock lock, int site, ThreadContext c) throws InterruptedException {
        long b = LockIds.binding(lock, site, c);
        int flags = LockIds.sharedFlag(b);
        c.lockRequest(LockIds.id(b), site, flags);
        lock.lockInterruptibly();
        c.lockAcquire(LockIds.id(b), site, flags);
    }

    /** A non-blocking attempt: no request (it cannot wait), an acquire flagged TRY on success. */
    public static boolean tryLock(Lock lock, int site, ThreadContext c) {
        boolean acquired = lock.tryLock();
        if (acquired) {
            long b = LockIds.binding(lock, site, c);
            c.lockAcquire(LockIds.id(b), site, LockIds.sharedFlag(b) | LockFlags.TRY);
        }
        return acquired;
    }

    public static boolean tryLock(Lock lock, long time, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        long b = LockIds.binding(lock, site, c);
        int flags = LockIds.sharedFlag(b) | LockFlags.TIMED;
        c.lockRequest(LockIds.id(b), site, flags);
        boolean acquired = lock.tryLock(time, unit);
        if (acquired) {
            c.lockAcquire(LockIds.id(b), site, flags);
        }
        return acquired;
    }

    public static void unlock(Lock lock, int site, ThreadContext c) {
        if (!heldByCaller(lock)) {
            lock.unlock(); // throws IllegalMonitorStateException: nothing was released
            return;
        }
        long b = LockIds.binding(lock, site, c);
        c.lockRelease(LockIds.id(b), site, LockIds.sharedFlag(b));
        lock.unlock();
    }

    /** False only when the lock can tell that the caller does not hold it. */
    private static boolean heldByCaller(Lock lock) {
        if (lock instanceof ReentrantLock r) {
            return r.isHeldByCurrentThread();
        }
        if (lock instanceof ReentrantReadWriteLock.WriteLock w) {
            return w.isHeldByCurrentThread();
        }
        return true;
    }

    public static Condition newCondition(Lock lock, int site, ThreadContext c) {
        Condition condition = lock.newCondition();
        LockIds.bindCondition(condition, LockIds.binding(lock, site, c));
        return condition;
    }

    // ---- ReadWriteLock views ------------------------------------------------------------------

    public static Lock readLock(ReadWriteLock lock, int site, ThreadContext c) {
        return LockIds.bindView(lock.readLock(), lock, true, site, c);
    }

    public static Lock writeLock(ReadWriteLock lock, int site, ThreadContext c) {
        return LockIds.bindView(lock.writeLock(), lock, false, site, c);
    }

    public static ReentrantReadWriteLock.ReadLock readLock(ReentrantReadWriteLock lock, int site, ThreadContext c) {
        return LockIds.bindView(lock.readLock(), lock, true, site, c);
    }

    public static ReentrantReadWriteLock.WriteLock writeLock(ReentrantReadWriteLock lock, int site,
                                                             ThreadContext c) {
        return LockIds.bindView(lock.writeLock(), lock, false, site, c);
    }

    // ---- Condition: await releases the lock fully and re-acquires it (flag WAIT) -------------

    /** One await overload; {@code X} is InterruptedException, or none for awaitUninterruptibly. */
    private interface Await<T, X extends Exception> {
        T await() throws X;
    }

    /** Every await overload: the lock's WAIT release before it, its WAIT re-acquire after it returned or threw. */
    private static <T, X extends Exception> T awaiting(Condition condition, int site, ThreadContext c,
                                                        Await<T, X> await) throws X {
        long b = waitRelease(condition, site, c);
        try {
            return await.await();
        } finally {
            waitAcquire(b, site, c);
        }
    }

    public static void await(Condition condition, int site, ThreadContext c) throws InterruptedException {
        awaiting(condition, site, c, () -> {
            condition.await();
            return null;
        });
    }

    public static boolean await(Condition condition, long time, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        return awaiting(condition, site, c, () -> condition.await(time, unit));
    }

    public static long awaitNanos(Condition condition, long nanos, int site, ThreadContext c)
            throws InterruptedException {
        return awaiting(condition, site, c, () -> condition.awaitNanos(nanos));
    }

    public static void awaitUninterruptibly(Condition condition, int site, ThreadContext c) {
        awaiting(condition, site, c, () -> {
            condition.awaitUninterruptibly();
            return null;
        });
    }

    public static boolean awaitUntil(Condition condition, Date deadline, int site, ThreadContext c)
            throws InterruptedException {
        return awaiting(condition, site, c, () -> condition.awaitUntil(deadline));
    }

    /** The release before waiting; 0 (nothing recorded) for a condition of an unknown lock. */
    private static long waitRelease(Condition condition, int site, ThreadContext c) {
        long b = LockIds.conditionLock(condition);
        if (b != 0) {
            c.lockRelease(LockIds.id(b), site, WAIT);
        }
        return b;
    }

    /**
     * After await returned or threw: an AQS condition re-acquires the lock before either. (A
     * caller that did not hold the lock gets IllegalMonitorStateException from the JDK before
     * anything is released; such a pair is then unmatched, a programming error the analyzer
     * may report as such.)
     */
    private static void waitAcquire(long b, int site, ThreadContext c) {
        if (b != 0) {
            c.lockAcquire(LockIds.id(b), site, WAIT);
        }
    }
}
