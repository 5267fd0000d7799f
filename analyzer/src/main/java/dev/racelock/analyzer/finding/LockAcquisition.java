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
 */
public record LockAcquisition(LockRef lock, ThreadRef thread, SourceSite acquiredAt, List<SourceSite> stack,
                              List<HeldLock> heldLocks) {
    public LockAcquisition {
        stack = List.copyOf(stack);
        heldLocks = List.copyOf(heldLocks);
    }
}
