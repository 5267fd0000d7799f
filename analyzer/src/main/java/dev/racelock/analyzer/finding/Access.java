package dev.racelock.analyzer.finding;

import java.util.List;

/**
 * One side of a data race (the location is the finding's).
 *
 * @param thread    the accessing thread
 * @param kind      read or write
 * @param index     the array element's index, or -1 for a field
 * @param site      where (the innermost frame)
 * @param stack     calling context, innermost first, starting with {@code site}
 * @param locksHeld locks the thread held at the access, outermost first
 * @param calledMethod for an access to a library state, the JDK method called ({@code put}); else null
 * @param stackBase what is below the stack's outermost frame (a cut stack: code racelock does not record)
 */
public record Access(ThreadRef thread, AccessKind kind, int index, SourceSite site, List<SourceSite> stack,
                     List<HeldLock> locksHeld, String calledMethod, StackBase stackBase) {
    public Access {
        stack = List.copyOf(stack);
        locksHeld = List.copyOf(locksHeld);
        stackBase = stackBase == null ? StackBase.UNKNOWN : stackBase;
    }

    /** An access whose stack's base the trace does not say. */
    public Access(ThreadRef thread, AccessKind kind, int index, SourceSite site, List<SourceSite> stack,
                  List<HeldLock> locksHeld, String calledMethod) {
        this(thread, kind, index, site, stack, locksHeld, calledMethod, StackBase.UNKNOWN);
    }

    /** An access that is not a call of a modelled JDK method. */
    public Access(ThreadRef thread, AccessKind kind, int index, SourceSite site, List<SourceSite> stack,
                  List<HeldLock> locksHeld) {
        this(thread, kind, index, site, stack, locksHeld, null);
    }
}
