package dev.racelock.analyzer.finding;

import java.util.List;

/**
 * One edge of a lock-order cycle: {@code thread} acquired {@code lock} at {@code acquiredAt}
 * while holding {@code heldLocks} (the previous lock of the cycle among them). For an observed
 * deadlock, the lock the thread was blocked on.
 *
 * @param lock       the lock taken
 * @param thread     the thread that took it
 * @param acquiredAt where
 * @param stack      calling context at the acquisition, innermost first
 * @param heldLocks  locks held at that moment, each with where it was taken
 * @param stackBase  what is below the stack's outermost frame (a cut stack: code racelock does not record)
 * @param takenInside for a monitor the JDK took inside a method the application called at
 *                   {@code acquiredAt} (an order-only hold, docs/library-model.md), that method as
 *                   the call names it ({@code Transaction.deleteObserver}, {@code List.add}); else null
 */
public record LockAcquisition(LockRef lock, ThreadRef thread, SourceSite acquiredAt, List<SourceSite> stack,
                              List<HeldLock> heldLocks, StackBase stackBase, String takenInside) {
    public LockAcquisition {
        stack = List.copyOf(stack);
        heldLocks = List.copyOf(heldLocks);
        stackBase = stackBase == null ? StackBase.UNKNOWN : stackBase;
    }

    /** An acquisition made by the application's own code (not inside a JDK method). */
    public LockAcquisition(LockRef lock, ThreadRef thread, SourceSite acquiredAt, List<SourceSite> stack,
                           List<HeldLock> heldLocks, StackBase stackBase) {
        this(lock, thread, acquiredAt, stack, heldLocks, stackBase, null);
    }

    /** An acquisition whose stack's base the trace does not say (an observed deadlock's JVM stack). */
    public LockAcquisition(LockRef lock, ThreadRef thread, SourceSite acquiredAt, List<SourceSite> stack,
                           List<HeldLock> heldLocks) {
        this(lock, thread, acquiredAt, stack, heldLocks, StackBase.UNKNOWN);
    }
}
