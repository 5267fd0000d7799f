package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.Rt;

/**
 * The monitor of a {@code Collections.synchronizedX} wrapper, taken inside the JDK's code
 * (SynchronizedWrapperRewrite): recorded as a monitor of recorded code is (Rt), without a call
 * site (the JDK's lines are not the program's; the stack says which call of the program took
 * it). A lock, so the wrapper orders what threads do between its calls exactly as the program's
 * own {@code synchronized} blocks would: a thread that sees an element another thread added sees
 * what that thread did before adding it.
 */
public final class SynchronizedWrapperHooks {
    private SynchronizedWrapperHooks() {}

    /** Before monitorenter: the request (the lock-order graph's edge, the watchdog's wait). */
    public static void entering(Object mutex) {
        Rt.monitorRequest(mutex, -1, -1, Recording.context());
    }

    /** After monitorenter. */
    public static void entered(Object mutex) {
        Rt.monitorAcquire(mutex, -1, Recording.context());
    }

    /** Before monitorexit (also on the exceptional path javac generates). */
    public static void exiting(Object mutex) {
        Rt.monitorRelease(mutex, -1, Recording.context());
    }
}
