package dev.racelock.analyzer.finding;

/**
 * A lock held at some point, named by its lock class.
 *
 * @param lock       lock class as reports show it, e.g. {@code Account.lock} or
 *                   {@code ReentrantLock allocated at Bank.java:12} or {@code monitor of Account}
 * @param acquiredAt where it was taken, or null
 */
public record HeldLock(String lock, SourceSite acquiredAt) {}
