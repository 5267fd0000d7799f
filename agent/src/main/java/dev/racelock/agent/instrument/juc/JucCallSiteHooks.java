package dev.racelock.agent.instrument.juc;

import dev.racelock.agent.instrument.CallSiteHooks.Hook;
import dev.racelock.agent.instrument.CallSiteHooks.OwnerMatch;
import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.runtime.juc.ForkJoinHooks;
import dev.racelock.agent.runtime.juc.LockHooks;
import dev.racelock.agent.runtime.juc.StampedLockHooks;

/**
 * The java.util.concurrent entries of the call-site redirection table (docs/agent.md,
 * "java.util.concurrent"): locks and conditions, StampedLock, System.arraycopy and Arrays.fill,
 * and the library hand-offs. Instance methods of interfaces match every implementation the
 * instruction names ({@link OwnerMatch#SUBTYPES}), so {@code invokevirtual ReentrantLock.lock}
 * and {@code invokeinterface Lock.lock} both reach the hook.
 */
public final class JucCallSiteHooks {
    static final String LOCKS = "java/util/concurrent/locks/";
    private static final String LOCK = LOCKS + "Lock";
    private static final String CONDITION = LOCKS + "Condition";
    private static final String RW_LOCK = LOCKS + "ReadWriteLock";
    private static final String RRW_LOCK = LOCKS + "ReentrantReadWriteLock";
    private static final String STAMPED = LOCKS + "StampedLock";
    private static final String TIME_UNIT = "Ljava/util/concurrent/TimeUnit;";

    private JucCallSiteHooks() {}

    /** Adds every java.util.concurrent hook to {@code table}; returns it. */
    public static CallSiteHooks addTo(CallSiteHooks table) {
        locks(table);
        stampedLock(table);
        HandOffCallSiteHooks.addTo(table);
        // a ForkJoinTask subclass's compute() is the task's body: its start acquires the task's
        // fork, its end releases the task's completion (ForkJoinTask's memory-consistency note)
        table.register(new CallSiteHooks.BodyHook("java/util/concurrent/ForkJoinTask", "compute", "()",
                ForkJoinHooks.class, "computeBegin", "computeEnd"));
        table.register(new AtomicCallProbe());
        table.register(new HandleCreationProbe());
        return table;
    }

    private static void locks(CallSiteHooks table) {
        Class<?> hooks = LockHooks.class;
        instance(table, LOCK, OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"lock", "()V", "lock"},
            {"lockInterruptibly", "()V", "lockInterruptibly"},
            {"tryLock", "()Z", "tryLock"},
            {"tryLock", "(J" + TIME_UNIT + ")Z", "tryLock"},
            {"unlock", "()V", "unlock"},
            {"newCondition", "()L" + CONDITION + ";", "newCondition"},
        });
        instance(table, RW_LOCK, OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"readLock", "()L" + LOCK + ";", "readLock"},
            {"writeLock", "()L" + LOCK + ";", "writeLock"},
        });
        instance(table, RRW_LOCK, OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"readLock", "()L" + RRW_LOCK + "$ReadLock;", "readLock"},
            {"writeLock", "()L" + RRW_LOCK + "$WriteLock;", "writeLock"},
        });
        instance(table, CONDITION, OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"await", "()V", "await"},
            {"await", "(J" + TIME_UNIT + ")Z", "await"},
            {"awaitNanos", "(J)J", "awaitNanos"},
            {"awaitUninterruptibly", "()V", "awaitUninterruptibly"},
            {"awaitUntil", "(Ljava/util/Date;)Z", "awaitUntil"},
        });
    }

    private static void stampedLock(CallSiteHooks table) {
        String[][] methods = {
            {"writeLock", "()J"}, {"writeLockInterruptibly", "()J"}, {"readLock", "()J"},
            {"readLockInterruptibly", "()J"}, {"tryWriteLock", "()J"}, {"tryReadLock", "()J"},
            {"tryWriteLock", "(J" + TIME_UNIT + ")J"}, {"tryReadLock", "(J" + TIME_UNIT + ")J"},
            {"unlockWrite", "(J)V"}, {"unlockRead", "(J)V"}, {"unlock", "(J)V"}, {"tryUnlockWrite", "()Z"},
            {"tryUnlockRead", "()Z"}, {"tryOptimisticRead", "()J"}, {"tryConvertToWriteLock", "(J)J"},
            {"tryConvertToReadLock", "(J)J"}, {"tryConvertToOptimisticRead", "(J)J"},
            {"asReadLock", "()L" + LOCK + ";"}, {"asWriteLock", "()L" + LOCK + ";"},
            {"asReadWriteLock", "()L" + RW_LOCK + ";"},
        };
        for (String[] m : methods) {
            table.register(new Hook(STAMPED, OwnerMatch.SUBCLASSES, m[0], m[1], true, STAMPED,
                    StampedLockHooks.class, m[0]));
        }
    }

    /** Registers instance-method hooks whose receiver type is {@code owner}: {name, descriptor, hook}. */
    static void instance(CallSiteHooks table, String owner, OwnerMatch match, Class<?> hooks, String[][] methods) {
        for (String[] m : methods) {
            table.register(new Hook(owner, match, m[0], m[1], true, owner, hooks, m[2]));
        }
    }

    /** Registers static-method hooks: {name, descriptor, hook}. */
    static void statics(CallSiteHooks table, String owner, Class<?> hooks, String[][] methods) {
        for (String[] m : methods) {
            table.register(new Hook(owner, OwnerMatch.EXACT, m[0], m[1], false, null, hooks, m[2]));
        }
    }
}
