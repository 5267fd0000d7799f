package dev.racelock.analyzer.finding;

/**
 * A lock held at some point.
 *
 * @param lock       its lock class
 * @param acquiredAt where it was taken, or null
 */
public record HeldLock(LockRef lock, SourceSite acquiredAt) {}
