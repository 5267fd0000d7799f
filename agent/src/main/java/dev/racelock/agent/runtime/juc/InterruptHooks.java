package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.WeakIdentityMap;

/**
 * Thread interruption, as the blocking methods of java.util.concurrent (and sleep, wait, join)
 * see it. JLS 17.4.4: "If thread T1 interrupts thread T2, the interrupt by T1 synchronizes-with
 * any point where any other thread (including T2) determines that T2 has been interrupted (by
 * having an InterruptedException thrown or by invoking Thread.interrupted or
 * Thread.isInterrupted)". Called from inside Thread, VirtualThread and InterruptedException
 * (InterruptRewrite), so interrupts made or detected by the JDK on the program's behalf count
 * too.
 *
 * <p>One token per interrupted thread, fresh, assigned at its first interrupt: every interrupt
 * of the thread releases it, every detection acquires it (the interrupt status is one variable
 * written by each interrupt, so a detection is ordered after every interrupt before it, as after
 * every earlier write of a volatile). A thread never interrupted has no token, and a detection
 * then records nothing and creates no context.
 *
 * <p>An {@code InterruptedException} the program constructs itself also acquires its thread's
 * token: the usual idiom constructs it just after {@code Thread.interrupted()} returned true (an
 * acquire already); otherwise it orders the thread after interrupts it did not detect (an edge
 * too many, at worst a hidden race between the interrupter and that thread).
 */
public final class InterruptHooks {
    private static final WeakIdentityMap TOKENS = new WeakIdentityMap(ObjectIds::newId,
            WeakIdentityMap.Insertions.NONE);

    private InterruptHooks() {}

    /** First thing in Thread.interrupt() (VirtualThread's too): released before the status is set. */
    public static void interrupting(Object thread) {
        ThreadContext c = Recording.context();
        c.recorder.hbRelease(TOKENS.idOf(thread, c), -1);
    }

    /** Before isInterrupted() or getAndClearInterrupt() returns {@code interrupted}. */
    public static void detected(boolean interrupted, Object thread) {
        if (interrupted) {
            acquire(thread);
        }
    }

    /** Before Thread.interrupted() returns (JDKs where it does not call getAndClearInterrupt). */
    public static void detectedByCurrentThread(boolean interrupted) {
        if (interrupted) {
            acquire(Thread.currentThread());
        }
    }

    /** Before an InterruptedException constructor returns: its thread detected its interrupt. */
    public static void exceptionCreated() {
        acquire(Thread.currentThread());
    }

    private static void acquire(Object thread) {
        long token = TOKENS.get(thread);
        if (token != 0) {
            Recording.context().recorder.hbAcquire(token, -1);
        }
    }
}
