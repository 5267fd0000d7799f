package dev.racelock.samples;

/**
 * Makes one thread wait until another has finished its part, through a monitor and nothing else.
 *
 * <p>The potential-deadlock samples use it to run the two lock orders one after the other, so the
 * program never hangs. A monitor hand-off was chosen on purpose: a lock-order analysis must
 * discount lock-induced happens-before (otherwise every cycle taken in sequence would look
 * ordered), so this sequencing leaves the cycle reportable, exactly as in a real program where the
 * two orders happen to run at different times. The baton's monitor is never held while another
 * lock is taken, so it adds no lock-order edge. {@code Thread.join} would instead order the
 * threads by happens-before (JLS 17.4.4), which is what
 * {@link dev.racelock.samples.nodeadlock.OrdersSeparatedByJoin} relies on.
 */
public final class Baton {

    private boolean passed;

    /** Marks the caller's part done and wakes the waiting thread. */
    public synchronized void pass() {
        passed = true;
        notifyAll();
    }

    /** Returns once {@link #pass()} has been called; interrupts are deferred, never lost. */
    public synchronized void await() {
        boolean interrupted = false;
        while (!passed) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
