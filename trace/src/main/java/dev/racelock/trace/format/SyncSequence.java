package dev.racelock.trace.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The global sequence of synchronization events of one trace (docs/trace-format.md, "Reading order"; "Ordering in the
 * trace"). One atomic getAndAdd per synchronization event; a VarHandle rather than AtomicLong so
 * the recording path never calls into a java.util.concurrent class the agent may instrument.
 * Numbers start at 1, so 0 means "before every event".
 */
final class SyncSequence {

    private static final VarHandle NEXT =
            FieldHandles.find(MethodHandles.lookup(), SyncSequence.class, "next", long.class);

    @SuppressWarnings("unused") // accessed through NEXT
    private volatile long next = 1;

    long take() {
        return (long) NEXT.getAndAdd(this, 1L);
    }

    /** The number the next synchronization event will take. */
    long peek() {
        return (long) NEXT.getVolatile(this);
    }
}
