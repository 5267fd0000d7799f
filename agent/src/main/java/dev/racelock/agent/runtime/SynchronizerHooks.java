package dev.racelock.agent.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * CountDownLatch and Semaphore (their memory-consistency notes): actions before
 * {@code countDown()} happen-before those after a successful return from {@code await()};
 * actions before {@code release()} happen-before those after a successful acquire. The token
 * is the synchronizer's object id: released before the operation, acquired after success.
 */
public final class SynchronizerHooks {
    private SynchronizerHooks() {}

    public static void countDown(CountDownLatch latch, int site, ThreadContext c) {
        c.recorder.hbRelease(ObjectIds.of(latch, c), site);
        latch.countDown();
    }

    public static void await(CountDownLatch latch, int site, ThreadContext c) throws InterruptedException {
        latch.await();
        c.recorder.hbAcquire(ObjectIds.of(latch, c), site);
    }

    public static boolean await(CountDownLatch latch, long timeout, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        boolean open = latch.await(timeout, unit);
        if (open) {
            c.recorder.hbAcquire(ObjectIds.of(latch, c), site);
        }
        return open;
    }

    public static void release(Semaphore semaphore, int site, ThreadContext c) {
        c.recorder.hbRelease(ObjectIds.of(semaphore, c), site);
        semaphore.release();
    }

    public static void release(Semaphore semaphore, int permits, int site, ThreadContext c) {
        if (permits >= 0) {
            c.recorder.hbRelease(ObjectIds.of(semaphore, c), site);
        }
        semaphore.release(permits);
    }

    private static void acquired(Semaphore semaphore, int site, ThreadContext c) {
        c.recorder.hbAcquire(ObjectIds.of(semaphore, c), site);
    }

    public static void acquire(Semaphore semaphore, int site, ThreadContext c) throws InterruptedException {
        semaphore.acquire();
        acquired(semaphore, site, c);
    }

    public static void acquire(Semaphore semaphore, int permits, int site, ThreadContext c)
            throws InterruptedException {
        semaphore.acquire(permits);
        acquired(semaphore, site, c);
    }

    public static void acquireUninterruptibly(Semaphore semaphore, int site, ThreadContext c) {
        semaphore.acquireUninterruptibly();
        acquired(semaphore, site, c);
    }

    public static void acquireUninterruptibly(Semaphore semaphore, int permits, int site, ThreadContext c) {
        semaphore.acquireUninterruptibly(permits);
        acquired(semaphore, site, c);
    }

    public static boolean tryAcquire(Semaphore semaphore, int site, ThreadContext c) {
        boolean ok = semaphore.tryAcquire();
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits, int site, ThreadContext c) {
        boolean ok = semaphore.tryAcquire(permits);
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }

    public static boolean tryAcquire(Semaphore semaphore, long timeout, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        boolean ok = semaphore.tryAcquire(timeout, unit);
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits, long timeout, TimeUnit unit, int site,
                                     ThreadContext c) throws InterruptedException {
        boolean ok = semaphore.tryAcquire(permits, timeout, unit);
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }
}
