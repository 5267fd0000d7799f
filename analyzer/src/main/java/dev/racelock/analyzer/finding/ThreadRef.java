package dev.racelock.analyzer.finding;

/**
 * A thread as reports name it.
 *
 * @param id        trace thread id
 * @param name      thread name
 * @param createdAt where it was started, or null (main thread, unknown)
 */
public record ThreadRef(int id, String name, SourceSite createdAt) {}
