package dev.racelock.agent.runtime;

import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.format.TraceDictionary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A seeded random multi-threaded execution as the agent's recorders see it: main starts the
 * other threads, each thread calls methods, reads and writes fields and array elements (often
 * several times in a row, at one site or at several, the shapes the repeat filter is made for),
 * takes monitors reentrantly and waits on them, uses a read-write lock, volatiles and hand-off
 * tokens; main joins everyone at the end. The schedule (which thread does what when) is fixed by
 * the seed, so it can be replayed into differently filtered recorders and the traces compared.
 */
final class RandomExecution {

    static final int METHOD = 1;
    static final long ARRAY = 900;
    static final long[] OBJECTS = {901, 902, 903, 904};
    static final long[] LOCKS = {950, 951};
    static final long[] TOKENS = {960, 961};
    static final long VOLATILE_OBJECT = 970;
    static final int[] FIELDS = {1, 2};
    static final int VOLATILE_FIELD = 3;
    static final int SITES = 6;

    /** One recorder call: {@code kind} names the EventRecorder method, the operands follow it. */
    record Op(int thread, Kind kind, long a, int b, int c) {}

    enum Kind {
        READ, WRITE, ARRAY_READ, ARRAY_WRITE, RANGE_READ, RANGE_WRITE, VOLATILE_READ, VOLATILE_WRITE,
        LOCK_REQUEST, LOCK_ACQUIRE, LOCK_RELEASE, START, BEGIN, END, JOIN, HB_RELEASE, HB_ACQUIRE, ENTER, EXIT,
        /** The thread constructs object {@code a} (of {@link #OBJECTS}) before anyone touches it: no event of its own. */
        CONSTRUCT
    }

    final int threads;
    final List<Op> ops = new ArrayList<>();

    private RandomExecution(int threads) {
        this.threads = threads;
    }

    /** Dictionary entries every trace of these executions needs, so findings name their fields, lines and threads. */
    static void define(TraceOutput out, int threads) {
        TraceDictionary dictionary = out.dictionary();
        dictionary.defineMethod(new MethodInfo(METHOD, "com.acme.Shared", "work", "()V", "Shared.java"));
        dictionary.defineMethod(new MethodInfo(METHOD + 1, "com.acme.Shared", "helper", "()V", "Shared.java"));
        for (int s = 0; s < SITES; s++) {
            dictionary.defineSite(new SiteInfo(s, METHOD + s % 2, 10 + s));
        }
        dictionary.defineField(new FieldInfo(FIELDS[0], "com.acme.Shared", "count", "I", false, false));
        dictionary.defineField(new FieldInfo(FIELDS[1], "com.acme.Shared", "total", "J", false, false));
        dictionary.defineField(new FieldInfo(VOLATILE_FIELD, "com.acme.Shared", "ready", "Z", true, false));
        dictionary.defineObject(new ObjectInfo(ARRAY, "int[]", 0, -1));
        dictionary.defineObject(new ObjectInfo(LOCKS[0], "java.lang.Object", 1, -1));
        dictionary.defineObject(new ObjectInfo(LOCKS[1], "java.util.concurrent.locks.ReentrantReadWriteLock", 2, -1));
        for (int t = 0; t < threads; t++) {
            dictionary.defineThread(new ThreadInfo(t, "t" + t, t == 0 ? -1 : 0, t == 0 ? -1 : 3, false));
        }
    }

    /** Replays the execution, thread by thread as scheduled, into the recorder of each thread. */
    void replay(IntFunction<EventRecorder> recorderOf) {
        replay(recorderOf, (index, op) -> false);
    }

    /** Takes an op before the recorder does: true when it handled the op. */
    @FunctionalInterface
    interface OpHook {
        boolean handle(int index, Op op);
    }

    /** As {@link #replay(IntFunction)}, offering every op to {@code hook} first. */
    void replay(IntFunction<EventRecorder> recorderOf, OpHook hook) {
        replay(recorderOf, recorderOf, hook);
    }

    /**
     * As {@link #replay(IntFunction, OpHook)}, with each thread's plain accesses given to
     * {@code accessesOf} and the rest to {@code recorderOf}, as ThreadContext splits them.
     */
    void replay(IntFunction<? extends AccessRecorder> accessesOf, IntFunction<? extends SynchronizationRecorder> recorderOf,
                OpHook hook) {
        for (int index = 0; index < ops.size(); index++) {
            Op op = ops.get(index);
            if (hook.handle(index, op)) {
                continue;
            }
            AccessRecorder a = accessesOf.apply(op.thread());
            SynchronizationRecorder r = recorderOf.apply(op.thread());
            switch (op.kind()) {
                case READ -> a.read(op.a(), op.b(), op.c());
                case WRITE -> a.write(op.a(), op.b(), op.c());
                case ARRAY_READ -> a.arrayRead(op.a(), op.b(), op.c());
                case ARRAY_WRITE -> a.arrayWrite(op.a(), op.b(), op.c());
                case RANGE_READ -> a.arrayRangeRead(op.a(), op.b(), 2, op.c());
                case RANGE_WRITE -> a.arrayRangeWrite(op.a(), op.b(), 2, op.c());
                case VOLATILE_READ -> r.volatileRead(op.a(), op.b(), op.c());
                case VOLATILE_WRITE -> r.volatileWrite(op.a(), op.b(), op.c());
                case LOCK_REQUEST -> r.lockRequest(op.a(), op.c(), op.b());
                case LOCK_ACQUIRE -> r.lockAcquire(op.a(), op.c(), op.b());
                case LOCK_RELEASE -> r.lockRelease(op.a(), op.c(), op.b());
                case START -> r.threadStart((int) op.a(), op.c());
                case BEGIN -> r.threadBegin();
                case END -> r.threadEnd(LastOwnedAccess.NONE);
                case JOIN -> r.threadJoin((int) op.a(), op.c());
                case HB_RELEASE -> r.hbRelease(op.a(), op.c());
                case HB_ACQUIRE -> r.hbAcquire(op.a(), op.c());
                case ENTER -> r.methodEnter(op.b(), op.c());
                case EXIT -> r.methodExit();
                case CONSTRUCT -> { }
            }
        }
    }

    long count(Kind kind) {
        return ops.stream().filter(o -> o.kind() == kind).count();
    }

    // ---- generation -------------------------------------------------------------------------------

    private static final class LockState {
        int exclusiveOwner = -1;
        final Map<Integer, Integer> sharedHolders = new HashMap<>();
    }

    /** Which thread constructed each of {@link #OBJECTS}, -1 before. */
    private final int[] constructor = {-1, -1, -1, -1};

    private final class Thread {
        final int id;
        /** 0 not started, 1 running, 2 ended. */
        int status;
        int depth;
        final List<long[]> held = new ArrayList<>(); // {lock, flags}, innermost last
        long waitingOn = -1;
        int waitingCount;

        Thread(int id) {
            this.id = id;
        }

        void op(Kind kind, long a, int b, int c) {
            ops.add(new Op(id, kind, a, b, c));
        }
    }

    static RandomExecution generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RandomExecution e = new RandomExecution(2 + r.nextInt(3));
        e.generate(r);
        return e;
    }

    private void generate(SplittableRandom r) {
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(i);
        }
        Map<Long, LockState> locks = new HashMap<>();
        for (long l : LOCKS) {
            locks.put(l, new LockState());
        }
        ts[0].status = 1;
        ts[0].op(Kind.BEGIN, 0, 0, 0);
        int steps = 80 + r.nextInt(250);
        for (int step = 0; step < steps; step++) {
            Thread t = ts[r.nextInt(threads)];
            if (t.status == 0 && ts[0].waitingOn < 0 && r.nextInt(3) == 0) {
                ts[0].op(Kind.START, t.id, 0, 3);
                t.status = 1;
                t.op(Kind.BEGIN, 0, 0, 0);
                continue;
            }
            if (t.status != 1) {
                continue;
            }
            if (t.waitingOn >= 0) {
                wakeUp(t, locks.get(t.waitingOn));
                continue;
            }
            int op = r.nextInt(100);
            if (op < 50) {
                accesses(t, r);
            } else if (op < 62) {
                acquire(t, r, locks);
            } else if (op < 72) {
                release(t, r, locks);
            } else if (op < 80) {
                t.op(r.nextBoolean() ? Kind.VOLATILE_WRITE : Kind.VOLATILE_READ, VOLATILE_OBJECT, VOLATILE_FIELD, site(r));
            } else if (op < 86) {
                t.op(r.nextBoolean() ? Kind.HB_RELEASE : Kind.HB_ACQUIRE, TOKENS[r.nextInt(TOKENS.length)], 0, site(r));
            } else if (op < 94) {
                t.depth++;
                t.op(Kind.ENTER, 0, METHOD + r.nextInt(2), site(r));
            } else if (t.depth > 0) {
                t.depth--;
                t.op(Kind.EXIT, 0, 0, 0);
            }
        }
        // Everyone finishes what it holds and ends; main joins them all.
        for (int i = threads - 1; i >= 0; i--) {
            Thread t = ts[i];
            if (t.status == 0) {
                ts[0].op(Kind.START, t.id, 0, 3);
                t.status = 1;
                t.op(Kind.BEGIN, 0, 0, 0);
            }
            if (t.waitingOn >= 0) {
                // whoever holds the monitor lets go of it first
                LockState ls = locks.get(t.waitingOn);
                if (ls.exclusiveOwner >= 0) {
                    releaseAll(ts[ls.exclusiveOwner], locks);
                }
                wakeUp(t, ls);
            }
            if (i > 0) {
                releaseAll(t, locks);
                while (t.depth > 0) {
                    t.depth--;
                    t.op(Kind.EXIT, 0, 0, 0);
                }
                t.op(Kind.END, 0, 0, 0);
                t.status = 2;
            }
        }
        for (int i = 1; i < threads; i++) {
            ts[0].op(Kind.JOIN, i, 0, 4);
        }
        releaseAll(ts[0], locks);
        ts[0].op(Kind.END, 0, 0, 0);
    }

    private static int site(SplittableRandom r) {
        return r.nextInt(SITES);
    }

    /**
     * One to four accesses, often to one location: a loop, x++, read-write-read, two sites of one
     * field. Objects are mostly a thread's own (constructed by it), sometimes another's.
     */
    private void accesses(Thread t, SplittableRandom r) {
        boolean array = r.nextInt(4) == 0;
        long object = array ? ARRAY : OBJECTS[pickObject(t, r)];
        int slot = array ? r.nextInt(3) : FIELDS[r.nextInt(FIELDS.length)];
        int n = 1 + r.nextInt(4);
        int site = site(r);
        for (int k = 0; k < n; k++) {
            if (r.nextInt(3) == 0) {
                site = site(r);
            }
            if (r.nextInt(6) == 0) {
                slot = array ? r.nextInt(3) : FIELDS[r.nextInt(FIELDS.length)];
            }
            boolean write = r.nextBoolean();
            if (array && r.nextInt(8) == 0) {
                t.op(write ? Kind.RANGE_WRITE : Kind.RANGE_READ, object, r.nextInt(2), site);
            } else if (array) {
                t.op(write ? Kind.ARRAY_WRITE : Kind.ARRAY_READ, object, slot, site);
            } else {
                t.op(write ? Kind.WRITE : Kind.READ, object, slot, site);
            }
        }
    }

    private int pickObject(Thread t, SplittableRandom r) {
        int k = r.nextInt(OBJECTS.length);
        if (r.nextInt(3) > 0) {
            for (int i = 0; i < OBJECTS.length; i++) {
                if (constructor[(k + i) % OBJECTS.length] == t.id) {
                    k = (k + i) % OBJECTS.length;
                    break;
                }
            }
        }
        if (constructor[k] < 0) {
            constructor[k] = t.id;
            t.op(Kind.CONSTRUCT, k, 0, 0);
        }
        return k;
    }

    private void acquire(Thread t, SplittableRandom r, Map<Long, LockState> locks) {
        long l = LOCKS[r.nextInt(LOCKS.length)];
        LockState ls = locks.get(l);
        boolean readWrite = l == LOCKS[1];
        boolean wantShared = readWrite && r.nextBoolean();
        int site = site(r);
        long[] mine = t.held.stream().filter(h -> h[0] == l).findFirst().orElse(null);
        if (mine != null) {
            int flags = (int) mine[1]; // reentrant, in the mode already held
            if (LockFlags.isShared(flags)) {
                ls.sharedHolders.merge(t.id, 1, Integer::sum);
            }
            t.op(Kind.LOCK_REQUEST, l, flags, site);
            t.op(Kind.LOCK_ACQUIRE, l, flags, site);
            t.held.add(new long[] {l, flags});
        } else if (!wantShared && ls.exclusiveOwner < 0 && ls.sharedHolders.isEmpty()) {
            int flags = readWrite ? 0 : LockFlags.MONITOR;
            ls.exclusiveOwner = t.id;
            t.op(Kind.LOCK_REQUEST, l, flags, site);
            t.op(Kind.LOCK_ACQUIRE, l, flags, site);
            t.held.add(new long[] {l, flags});
        } else if (wantShared && ls.exclusiveOwner < 0) {
            ls.sharedHolders.merge(t.id, 1, Integer::sum);
            t.op(Kind.LOCK_REQUEST, l, LockFlags.SHARED, site);
            t.op(Kind.LOCK_ACQUIRE, l, LockFlags.SHARED, site);
            t.held.add(new long[] {l, LockFlags.SHARED});
        }
    }

    private void release(Thread t, SplittableRandom r, Map<Long, LockState> locks) {
        if (t.held.isEmpty()) {
            return;
        }
        long[] top = t.held.remove(t.held.size() - 1);
        LockState ls = locks.get(top[0]);
        int flags = (int) top[1];
        if (LockFlags.isMonitor(flags) && r.nextInt(4) == 0) {
            // Object.wait: every hold of the monitor is given up at once, and taken back on waking
            t.held.add(top);
            t.waitingCount = (int) t.held.stream().filter(h -> h[0] == top[0]).count();
            t.held.removeIf(h -> h[0] == top[0]);
            t.op(Kind.LOCK_RELEASE, top[0], LockFlags.MONITOR | LockFlags.WAIT, site(r));
            ls.exclusiveOwner = -1;
            t.waitingOn = top[0];
            return;
        }
        t.op(Kind.LOCK_RELEASE, top[0], flags, site(r));
        if (t.held.stream().noneMatch(h -> h[0] == top[0])) {
            if (LockFlags.isShared(flags)) {
                ls.sharedHolders.remove(t.id);
            } else {
                ls.exclusiveOwner = -1;
            }
        } else if (LockFlags.isShared(flags)) {
            ls.sharedHolders.merge(t.id, -1, Integer::sum);
        }
    }

    private void wakeUp(Thread t, LockState ls) {
        if (ls.exclusiveOwner >= 0 || !ls.sharedHolders.isEmpty()) {
            return;
        }
        ls.exclusiveOwner = t.id;
        t.op(Kind.LOCK_ACQUIRE, t.waitingOn, LockFlags.MONITOR | LockFlags.WAIT, 5);
        for (int k = 0; k < t.waitingCount; k++) {
            t.held.add(new long[] {t.waitingOn, LockFlags.MONITOR});
        }
        t.waitingOn = -1;
    }

    private void releaseAll(Thread t, Map<Long, LockState> locks) {
        while (!t.held.isEmpty()) {
            long[] top = t.held.remove(t.held.size() - 1);
            int flags = (int) top[1];
            t.op(Kind.LOCK_RELEASE, top[0], flags, 5);
            if (t.held.stream().noneMatch(h -> h[0] == top[0])) {
                LockState ls = locks.get(top[0]);
                if (LockFlags.isShared(flags)) {
                    ls.sharedHolders.remove(t.id);
                } else {
                    ls.exclusiveOwner = -1;
                }
            }
        }
    }
}
