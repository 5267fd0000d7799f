package dev.racelock.trace.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A slice of one thread's recording: bytes its owner encodes events into, and how far they are
 * whole. The owner publishes {@link #committed} with a release store after each whole event;
 * the writer thread reads it with an acquire load and may then read every byte below it
 * (JLS 17.4.5: the release/acquire pair orders the owner's byte stores before the writer's
 * loads). The owner never changes a byte below the committed position.
 *
 * <p>When the segment is full the owner links the next one with a release store to
 * {@link #next}, after its last commit; a writer that sees {@code next} set therefore sees the
 * final committed position too.
 */
final class Segment {

    private static final VarHandle COMMITTED =
            FieldHandles.find(MethodHandles.lookup(), Segment.class, "committed", long.class);
    private static final VarHandle NEXT = FieldHandles.find(MethodHandles.lookup(), Segment.class, "next", Segment.class);

    final byte[] data;
    /** Event count in the high 32 bits, byte position in the low 32 bits; one store publishes both. */
    @SuppressWarnings("unused") // accessed through COMMITTED
    private long committed;
    @SuppressWarnings("unused") // accessed through NEXT
    private Segment next;

    Segment(int size) {
        this.data = new byte[size];
    }

    void publish(int count, int position) {
        COMMITTED.setRelease(this, ((long) count << 32) | position);
    }

    long committedAcquire() {
        return (long) COMMITTED.getAcquire(this);
    }

    void linkNext(Segment segment) {
        NEXT.setRelease(this, segment);
    }

    Segment nextAcquire() {
        return (Segment) NEXT.getAcquire(this);
    }

    /** Readies a recycled segment for reuse before it is linked (and so published) again. */
    void reset() {
        COMMITTED.set(this, 0L);
        NEXT.set(this, (Segment) null);
    }

    static int position(long committed) {
        return (int) committed;
    }

    static int count(long committed) {
        return (int) (committed >>> 32);
    }
}
