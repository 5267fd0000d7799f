package dev.racelock.agent.runtime;

import dev.racelock.trace.ArrayGrowth;
import dev.racelock.trace.LockFlags;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Call-site hooks for {@link Thread} and {@link Object#wait}: instrumented code calls these
 * instead of the original method (see {@code CallSiteHooks}). Each takes the original receiver
 * and arguments, then the call's site and the caller's context; it records and calls the
 * original, with the event on the side of the call the ordering rule asks for.
 */
public final class ThreadHooks {
    private static final int WAIT = LockFlags.MONITOR | LockFlags.WAIT;

    private ThreadHooks() {}

    // Thread.Builder (JDK 21+) through method handles: the agent is Java 17 bytecode.
    private static final class Builders {
        static final MethodHandle UNSTARTED;
        static final MethodHandle OF_VIRTUAL;

        static {
            MethodHandle unstarted = null;
            MethodHandle ofVirtual = null;
            try {
                Class<?> builder = Class.forName("java.lang.Thread$Builder");
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                unstarted = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class));
                ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
                        MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
            } catch (ReflectiveOperationException e) {
                // JDK 17-20: no builders, and no call site that could reach these hooks
            }
            UNSTARTED = unstarted;
            OF_VIRTUAL = ofVirtual;
        }
    }

    /** {@code Thread.Builder.start(Runnable)} (JDK 21+): build unstarted, then start as Thread.start does. */
    public static Thread builderStart(Object builder, Runnable task, int site, ThreadContext c) throws Throwable {
        Thread thread = (Thread) Builders.UNSTARTED.invoke(builder, task);
        start(thread, site, c);
        return thread;
    }

    /** {@code Thread.startVirtualThread(Runnable)} (JDK 21+). */
    public static Thread startVirtualThread(Runnable task, int site, ThreadContext c) throws Throwable {
        return builderStart(Builders.OF_VIRTUAL.invoke(), task, site, c);
    }

    /**
     * First thing in Thread.start and start(ThreadContainer) (retransformed): a thread started
     * where no recorded call site sees it (inside the JDK: the thread-per-task executor, a
     * structured task scope's fork, a pool adding a worker; or by code that is not
     * instrumented). JLS 17.4.5: a call to start() happens-before any action of the started
     * thread. A start already recorded (by {@link #start}, or by the other start method it
     * calls) registered the thread, so nothing is recorded twice; a thread that was started
     * already is registered too, and its second start only throws.
     */
    public static void starting(Object thread) {
        if (thread instanceof AgentThread || Recording.traceIdOf((Thread) thread) >= 0) {
            return;
        }
        ThreadContext c = Recording.context();
        if (c.thread < 0 || Recording.output().isOwnThread((Thread) thread)) {
            return; // an agent thread, or one starting while its context is built: not recorded
        }
        int child = Recording.registerChild((Thread) thread, c, -1);
        c.recorder.threadStart(child, -1);
    }

    /** Trace ids of the threads started in one ThreadFlock, in start order; guarded by itself. */
    private static final class FlockThreads {
        private int[] ids = new int[4];
        private int size;

        synchronized void add(int id) {
            ids = ArrayGrowth.toFit(ids, size);
            ids[size++] = id;
        }

        synchronized int[] snapshot() {
            return java.util.Arrays.copyOf(ids, size);
        }
    }

    /**
     * The threads of each ThreadFlock (structured concurrency), weakly by flock; guarded by itself
     * (not a Collections.synchronizedMap, whose lock the agent records: SynchronizedWrapperRewrite).
     */
    private static final java.util.Map<Object, FlockThreads> FLOCK_THREADS = new java.util.WeakHashMap<>();

    private static FlockThreads flockThreads(Object flock, boolean create) {
        synchronized (FLOCK_THREADS) {
            return create ? FLOCK_THREADS.computeIfAbsent(flock, f -> new FlockThreads()) : FLOCK_THREADS.get(flock);
        }
    }

    /**
     * First thing in ThreadFlock.start(thread) (ThreadFlockRewrite): the start is recorded
     * here (Thread.start then finds it recorded) and the thread is remembered as the flock's.
     */
    public static void flockStarting(Object flock, Thread thread) {
        starting(thread);
        int id = Recording.traceIdOf(thread);
        if (id >= 0) {
            flockThreads(flock, true).add(id);
        }
    }

    /**
     * Before ThreadFlock.awaitAll returns (and after close): when every thread of the flock has
     * finished, each ended after recording its end (Thread.run's exit hook runs before the
     * thread leaves its container), so joining them all is exact.
     */
    public static void flockAwaited(boolean allFinished, Object flock) {
        FlockThreads threads = allFinished ? flockThreads(flock, false) : null;
        if (threads == null) {
            return;
        }
        ThreadContext c = Recording.context();
        for (int id : threads.snapshot()) {
            c.recorder.threadJoin(id, -1);
        }
    }

    /**
     * First thing in Shutdown.shutdown() (ShutdownRewrite): the JVM calls it once the last
     * non-daemon thread has ended, in a thread of its own (DestroyJavaVM), which then starts the
     * shutdown hooks. That thread waited for every other to end, so it joins each recorded
     * thread that has ended (threads that ended before, daemon ones too: the JVM's list of
     * threads, which each leaves under its lock, orders them), and the hooks it starts are
     * ordered after what the program did. Daemon threads still running are not joined.
     */
    public static void lastThreadEnded() {
        ThreadContext c = Recording.context();
        if (c.thread < 0) {
            return;
        }
        for (int id : Recording.endedThreads()) {
            if (id != c.thread) {
                c.recorder.threadJoin(id, -1);
            }
        }
    }

    /** threadStart is a release: recorded before the child can run. */
    public static void start(Thread thread, int site, ThreadContext c) {
        int child = Recording.registerChild(thread, c, site);
        c.recorder.threadStart(child, site);
        thread.start();
    }

    public static void join(Thread thread, int site, ThreadContext c) throws InterruptedException {
        join(thread, 0, 0, site, c);
    }

    public static void join(Thread thread, long millis, int site, ThreadContext c) throws InterruptedException {
        join(thread, millis, 0, site, c);
    }

    /** Every join overload: join(m, n) with (0, 0) is join(), with (m, 0) is join(m) (Thread's javadoc). */
    public static void join(Thread thread, long millis, int nanos, int site, ThreadContext c)
            throws InterruptedException {
        thread.join(millis, nanos);
        if (!thread.isAlive()) { // a timed join may return with the thread still running
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
        wait(lock, 0, 0, site, c);
    }

    public static void wait(Object lock, long millis, int site, ThreadContext c) throws InterruptedException {
        wait(lock, millis, 0, site, c);
    }

    /** Every wait overload: wait(m, n) with (0, 0) is wait(), with (m, 0) is wait(m) (Object's javadoc). */
    public static void wait(Object lock, long millis, int nanos, int site, ThreadContext c)
            throws InterruptedException {
        if (!Thread.holdsLock(lock)) {
            lock.wait(millis, nanos); // throws IllegalMonitorStateException; nothing was released
            return;
        }
        long id = ObjectIds.of(lock, site, c);
        c.lockRelease(id, site, WAIT);
        try {
            lock.wait(millis, nanos);
        } finally {
            c.lockAcquire(id, site, WAIT);
        }
    }
}
