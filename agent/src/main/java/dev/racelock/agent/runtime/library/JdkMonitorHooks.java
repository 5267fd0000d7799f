package dev.racelock.agent.runtime.library;

import dev.racelock.agent.runtime.RecordedHolds;
import dev.racelock.agent.runtime.Rt;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.trace.LockFlags;

import java.util.Set;

/**
 * After a call of a JDK method that took the receiver's monitor ({@link JdkMonitors}), or before
 * one made through a supertype ({@code List.add} on a {@code Vector}): an
 * acquire and a release of that monitor, flagged {@link LockFlags#ORDER_ONLY}. They give the
 * lock-order analysis the edge from every lock the caller holds to the monitor, with the
 * application's call site; they order nothing (the real acquisition's place in the
 * synchronization order, inside the JDK, is not known). Nothing is recorded when the call threw,
 * nor when the method the receiver's class runs does not lock: an application subclass's
 * override is recorded as the application's code it is, and a JDK override may not lock
 * ({@code Properties.get} over {@code Hashtable.get}).
 *
 * <p>Nor when the caller holds no recorded lock ({@link ThreadContext#holdsNoLock}), the common
 * case (a {@code StringBuffer} or {@code Vector} used on its own): such a hold can be no edge's
 * second lock, and it can be no edge's first either, because it is recorded after the call, with
 * nothing acquired between its acquire and its release; the lock-order analysis would find
 * nothing to add, and the race analyses ignore it. Code that the JDK method calls back while it
 * holds the monitor (a key's {@code hashCode}, a mapping function, a comparator, an observer in
 * {@code Observable}'s block) runs before the hold is recorded, so it never got an edge from the
 * monitor: skipping the hold loses none. Nor, finally, when the thread wrote the same hold (this
 * monitor, this call site) while holding the same locks, with no other synchronization event
 * since ({@link RecordedHolds}): a loop calling {@code Vector.get} under one lock writes one
 * hold, not one per call.
 *
 * <p>Hot path (Rt's rule): one read of the context's held locks; when some are held, a
 * {@link ClassValue} lookup and a set probe (none when the call names the receiver's own class,
 * {@link #calledOnTableClass}) and a probe of {@link RecordedHolds}, then two events;
 * no allocation, no lock (the set is computed once per receiver class, then only read; the
 * table once per thread).
 */
public final class JdkMonitorHooks {
    private JdkMonitorHooks() {}

    private static final int FLAGS = LockFlags.MONITOR | LockFlags.ORDER_ONLY;

    /** Per receiver class: "name descriptor" of the methods that lock it ({@link JdkMonitors#lockingMethods}). */
    private static final ClassValue<Set<String>> LOCKING = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            if (!JdkMonitors.extendsTableClass(type)) {
                return Set.of(); // a call through List, Map ... on a receiver the table does not name
            }
            try {
                return JdkMonitors.lockingMethods(type);
            } catch (LinkageError | SecurityException e) {
                return Set.of(); // cannot tell what it runs: record nothing for it
            }
        }
    };

    /**
     * {@code invokevirtual}: the receiver's class decides which method runs.
     *
     * @param method the called method's name and descriptor ({@code deleteObserver(Ljava/util/Observer;)V}),
     *               a constant of the call site
     * @param field  the field the receiver was loaded from (names the lock), or -1
     */
    public static void called(Object receiver, String method, int site, int field, ThreadContext c) {
        if (!c.holdsNoLock() && receiver != null && LOCKING.get(receiver.getClass()).contains(method)) {
            held(receiver, site, field, c);
        }
    }

    /** The classes of the table by their index in {@link JdkMonitors#CLASSES}, for {@link #calledOnTableClass}. */
    private static final Class<?>[] TABLE = JdkMonitors.CLASSES.toArray(new Class<?>[0]);

    /**
     * {@code invokevirtual} naming class number {@code named} of the table itself
     * ({@code Vector.add}, {@code StringBuffer.append}), whose method locks an instance of
     * exactly that class, as decided when the call was instrumented: a receiver of that class
     * (a {@code StringBuffer} always, the class is final) needs no lookup; a subclass's
     * ({@code Stack}, an application's) is looked up as in {@link #called}.
     */
    public static void calledOnTableClass(Object receiver, int named, String method, int site, int field,
                                          ThreadContext c) {
        if (!c.holdsNoLock() && receiver != null
                && (receiver.getClass() == TABLE[named] || LOCKING.get(receiver.getClass()).contains(method))) {
            held(receiver, site, field, c);
        }
    }

    /**
     * {@code super.m(...)} in an application subclass ({@code invokespecial}): the JDK's method
     * named by the instruction ran on the receiver, whatever its class overrides.
     */
    public static void calledExact(Object receiver, String method, int site, int field, ThreadContext c) {
        if (!c.holdsNoLock() && receiver != null) {
            held(receiver, site, field, c);
        }
    }

    private static void held(Object receiver, int site, int field, ThreadContext c) {
        long sequence = c.recorder.lastSequence();
        long heldState = c.heldLocksState();
        long run = c.otherSynchronization();
        RecordedHolds holds = recordedHolds(c);
        if (sequence != 0 && holds.written(receiver, site, heldState, run)) {
            return;
        }
        long id = Rt.monitorId(receiver, site, field, c);
        c.lockAcquire(id, site, FLAGS);
        c.lockRelease(id, site, FLAGS);
        holds.write(receiver, site, heldState, run);
    }

    private static RecordedHolds recordedHolds(ThreadContext c) {
        Object holds = c.recordedJdkHolds;
        if (holds == null) {
            holds = new RecordedHolds(); // once per thread
            c.recordedJdkHolds = holds;
        }
        return (RecordedHolds) holds;
    }
}
