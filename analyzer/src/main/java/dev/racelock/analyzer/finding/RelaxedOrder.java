package dev.racelock.analyzer.finding;

/**
 * For a predicted race: the two critical sections on one lock whose order, in this run, was all
 * that ordered the two accesses; the prediction relaxed it, since nothing in them forces it.
 *
 * @param lock            the lock (lock class)
 * @param releasingThread the thread whose section came first
 * @param releasingTaken  where it took the lock, or null
 * @param releasingFreed  where it released it, or null
 * @param acquiringThread the thread that took the lock next
 * @param acquiringTaken  where it took it, or null
 */
public record RelaxedOrder(LockRef lock, ThreadRef releasingThread, SourceSite releasingTaken,
                           SourceSite releasingFreed, ThreadRef acquiringThread, SourceSite acquiringTaken) {}
