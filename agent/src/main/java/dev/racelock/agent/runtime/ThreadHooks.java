package dev.racelock.agent.runtime;

import dev.racelock.trace.LockFlags;

/**
 * Call-site hooks for {@link Thread} and {@link Object#wait}: instrumented code calls these
 * instead of the original method (see {@code CallSiteHooks}). Each takes the original receiver
 * and arguments, then the call's site and the caller's context; it records and calls the
 * original, with the event on the side of the call the ordering rule asks for.
 */
public final class ThreadHooks {
    private static final int WAIT = LockFlags.MONITOR | LockFlags.WAIT;

    private ThreadHooks() {}

    /** threadStart is a release: recorded before the child can run. */
    public static void start(Thread thread, int site, ThreadContext c) {
        int child = Recording.registerChild(thread, c, site);
        c.recorder.threadStart(child, site);
        thread.start();
    }

    public static void join(Thread thread, int site, ThreadContext c) throws InterruptedException {
        thread.join();
        joined(thread, site, c);
    }

    public static void join(Thread thread, long millis, int site, ThreadContext c) throws InterruptedException {
        thread.join(millis);
        if (!thread.isAlive()) {
            joined(thread, site, c);
        }
    }

    public static void join(Thread thread, long millis, int nanos, int site, ThreadContext c)
            throws InterruptedException {
        thread.join(millis, nanos);
        if (!thread.isAlive()) {
            joined(thread, site, c);
        }
    }

    /** isAlive() returning false observes the thread's termination: a join. */
    public static boolean isAlive(Thread thread, int site, ThreadContext c) {
        boolean alive = thread.isAlive();
        if (!alive) {
            joined(thread, site, c);
        }
        return alive;
    }

    private static void joined(Thread thread, int site, ThreadContext c) {
        int child = Recording.traceIdOf(thread);
        if (child >= 0) { // never started by recorded code and never recorded: nothing to order
            c.recorder.threadJoin(child, site);
        }
    }

    public static void wait(Object lock, int site, ThreadContext c) throws InterruptedException {
        if (!Thread.holdsLock(lock)) {
            lock.wait(); // throws IllegalMonitorStateException; nothing was released
            return;
        }
        long id = ObjectIds.of(lock, c);
        c.recorder.lockRelease(id, site, WAIT);
        try {
            lock.wait();
        } finally {
            c.recorder.lockAcquire(id, site, WAIT);
        }
    }

    public static void wait(Object lock, long millis, int site, ThreadContext c) throws InterruptedException {
        if (!Thread.holdsLock(lock)) {
            lock.wait(millis);
            return;
        }
        long id = ObjectIds.of(lock, c);
        c.recorder.lockRelease(id, site, WAIT);
        try {
            lock.wait(millis);
        } finally {
            c.recorder.lockAcquire(id, site, WAIT);
        }
    }

    public static void wait(Object lock, long millis, int nanos, int site, ThreadContext c)
            throws InterruptedException {
        if (!Thread.holdsLock(lock)) {
            lock.wait(millis, nanos);
            return;
        }
        long id = ObjectIds.of(lock, c);
        c.recorder.lockRelease(id, site, WAIT);
        try {
            lock.wait(millis, nanos);
        } finally {
            c.recorder.lockAcquire(id, site, WAIT);
        }
    }
}
