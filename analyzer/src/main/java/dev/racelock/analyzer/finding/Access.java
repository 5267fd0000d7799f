package dev.racelock.analyzer.finding;

import java.util.List;

/**
 * One side of a data race.
 *
 * @param thread    the accessing thread
 * @param kind      read or write
 * @param location  what was accessed, e.g. {@code Counter.hits} or
 *                  {@code element of int[] allocated at Buffer.java:9}
 * @param site      where (the innermost frame)
 * @param stack     calling context, innermost first, starting with {@code site}
 * @param locksHeld locks the thread held at the access
 */
public record Access(ThreadRef thread, AccessKind kind, String location, SourceSite site, List<SourceSite> stack,
                     List<HeldLock> locksHeld) {
    public Access {
        stack = List.copyOf(stack);
        locksHeld = List.copyOf(locksHeld);
    }
}
