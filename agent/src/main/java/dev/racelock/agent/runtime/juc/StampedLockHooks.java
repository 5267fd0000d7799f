package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.trace.LockFlags;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Call-site hooks for {@link StampedLock}: the write lock is an exclusive hold, the read lock a
 * {@link LockFlags#SHARED} hold of the same lock id; which one a stamp unlocks is read off the
 * stamp ({@code StampedLock.isWriteLockStamp}).
 *
 * <p>Optimistic reads: a non-zero {@code tryOptimisticRead} is recorded as an
 * {@code hbAcquire} of the lock's write token, which every write unlock releases. When
 * {@code validate} then succeeds, no writer held the lock since the stamp was issued, so every
 * write the reader can have seen happened before that last write unlock: the edge is the one
 * the JDK's memory-consistency note promises for validated reads. A read made under a stamp that
 * then fails validation is still recorded, and may be reported as the race it really is
 * (the program discards its value); nothing is recorded at {@code validate}.
 */
public final class StampedLockHooks {
    private static final int SHARED = LockFlags.SHARED;

    private StampedLockHooks() {}

    private static long id(StampedLock lock, int site, ThreadContext c) {
        return LockIds.id(LockIds.binding(lock, site, c));
    }

    public static long writeLock(StampedLock lock, int site, ThreadContext c) {
        long id = id(lock, site, c);
        c.lockRequest(id, site, 0);
        long stamp = lock.writeLock();
        c.lockAcquire(id, site, 0);
        return stamp;
    }

    public static long writeLockInterruptibly(StampedLock lock, int site, ThreadContext c)
            throws InterruptedException {
        long id = id(lock, site, c);
        c.lockRequest(id, site, 0);
        long stamp = lock.writeLockInterruptibly();
        c.lockAcquire(id, site, 0);
        return stamp;
    }

    public static long readLock(StampedLock lock, int site, ThreadContext c) {
        long id = id(lock, site, c);
        c.lockRequest(id, site, SHARED);
        long stamp = lock.readLock();
        c.lockAcquire(id, site, SHARED);
        return stamp;
    }

    public static long readLockInterruptibly(StampedLock lock, int site, ThreadContext c)
            throws InterruptedException {
        long id = id(lock, site, c);
        c.lockRequest(id, site, SHARED);
        long stamp = lock.readLockInterruptibly();
        c.lockAcquire(id, site, SHARED);
        return stamp;
    }

    public static long tryWriteLock(StampedLock lock, int site, ThreadContext c) {
        long stamp = lock.tryWriteLock();
        if (stamp != 0) {
            c.lockAcquire(id(lock, site, c), site, LockFlags.TRY);
        }
        return stamp;
    }

    public static long tryReadLock(StampedLock lock, int site, ThreadContext c) {
        long stamp = lock.tryReadLock();
        if (stamp != 0) {
            c.lockAcquire(id(lock, site, c), site, SHARED | LockFlags.TRY);
        }
        return stamp;
    }

    public static long tryWriteLock(StampedLock lock, long time, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        long id = id(lock, site, c);
        c.lockRequest(id, site, LockFlags.TIMED);
        long stamp = lock.tryWriteLock(time, unit);
        if (stamp != 0) {
            c.lockAcquire(id, site, LockFlags.TIMED);
        }
        return stamp;
    }

    public static long tryReadLock(StampedLock lock, long time, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        long id = id(lock, site, c);
        c.lockRequest(id, site, SHARED | LockFlags.TIMED);
        long stamp = lock.tryReadLock(time, unit);
        if (stamp != 0) {
            c.lockAcquire(id, site, SHARED | LockFlags.TIMED);
        }
        return stamp;
    }

    public static void unlockWrite(StampedLock lock, long stamp, int site, ThreadContext c) {
        if (lock.isWriteLocked()) {
            releaseWrite(id(lock, site, c), site, c);
        }
        lock.unlockWrite(stamp);
    }

    public static void unlockRead(StampedLock lock, long stamp, int site, ThreadContext c) {
        if (lock.isReadLocked()) {
            c.lockRelease(id(lock, site, c), site, SHARED);
        }
        lock.unlockRead(stamp);
    }

    public static void unlock(StampedLock lock, long stamp, int site, ThreadContext c) {
        if (StampedLock.isWriteLockStamp(stamp) && lock.isWriteLocked()) {
            releaseWrite(id(lock, site, c), site, c);
        } else if (StampedLock.isReadLockStamp(stamp) && lock.isReadLocked()) {
            c.lockRelease(id(lock, site, c), site, SHARED);
        }
        lock.unlock(stamp);
    }

    public static boolean tryUnlockWrite(StampedLock lock, int site, ThreadContext c) {
        if (lock.isWriteLocked()) {
            releaseWrite(id(lock, site, c), site, c);
        }
        return lock.tryUnlockWrite();
    }

    public static boolean tryUnlockRead(StampedLock lock, int site, ThreadContext c) {
        if (lock.isReadLocked()) {
            c.lockRelease(id(lock, site, c), site, SHARED);
        }
        return lock.tryUnlockRead();
    }

    public static long tryOptimisticRead(StampedLock lock, int site, ThreadContext c) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            c.recorder.hbAcquire(id(lock, site, c), site);
        }
        return stamp;
    }

    public static long tryConvertToWriteLock(StampedLock lock, long stamp, int site, ThreadContext c) {
        boolean wasRead = StampedLock.isReadLockStamp(stamp);
        boolean wasWrite = StampedLock.isWriteLockStamp(stamp);
        long id = id(lock, site, c);
        long converted = lock.tryConvertToWriteLock(stamp);
        if (converted != 0 && !wasWrite) {
            // a read hold became exclusive: the shared hold ends where the exclusive one begins
            if (wasRead) {
                c.lockRelease(id, site, SHARED);
            }
            c.lockAcquire(id, site, LockFlags.TRY);
        }
        return converted;
    }

    public static long tryConvertToReadLock(StampedLock lock, long stamp, int site, ThreadContext c) {
        boolean wasWrite = StampedLock.isWriteLockStamp(stamp) && lock.isWriteLocked();
        boolean wasRead = StampedLock.isReadLockStamp(stamp);
        long id = id(lock, site, c);
        if (wasWrite) {
            releaseWrite(id, site, c);
        }
        long converted = lock.tryConvertToReadLock(stamp);
        if (converted != 0 && !wasRead) {
            c.lockAcquire(id, site, SHARED | LockFlags.TRY);
        }
        return converted;
    }

    public static long tryConvertToOptimisticRead(StampedLock lock, long stamp, int site, ThreadContext c) {
        long id = id(lock, site, c);
        if (StampedLock.isWriteLockStamp(stamp) && lock.isWriteLocked()) {
            releaseWrite(id, site, c);
        } else if (StampedLock.isReadLockStamp(stamp) && lock.isReadLocked()) {
            c.lockRelease(id, site, SHARED);
        }
        return lock.tryConvertToOptimisticRead(stamp);
    }

    /** A write unlock releases the lock and the token optimistic readers acquire. */
    private static void releaseWrite(long id, int site, ThreadContext c) {
        c.recorder.hbRelease(id, site);
        c.lockRelease(id, site, 0);
    }

    // ---- Lock views: named by the StampedLock (LockIds) ------------------------------------

    public static Lock asReadLock(StampedLock lock, int site, ThreadContext c) {
        return LockIds.bindView(lock.asReadLock(), lock, true, site, c);
    }

    public static Lock asWriteLock(StampedLock lock, int site, ThreadContext c) {
        return LockIds.bindView(lock.asWriteLock(), lock, false, site, c);
    }

    public static ReadWriteLock asReadWriteLock(StampedLock lock, int site, ThreadContext c) {
        return LockIds.bindView(lock.asReadWriteLock(), lock, false, site, c);
    }
}
