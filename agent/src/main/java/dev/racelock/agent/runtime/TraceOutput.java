package dev.racelock.agent.runtime;

import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;

/**
 * Where a recording goes: the trace writer in a run ({@link WriterOutput}), an in-memory list in
 * tests. Dictionary calls are thread-safe; none calls back into application code.
 */
public interface TraceOutput {
    EventRecorder newRecorder(int thread);
    void defineThread(ThreadInfo thread);
    void defineMethod(MethodInfo method);
    void defineSite(SiteInfo site);
    void defineField(FieldInfo field);
    void defineObject(ObjectInfo object);

    /** A lock set that owned accesses name (LockSets); nothing where no trace is written. */
    default void defineLockSet(LockSetInfo set) {}
    void objectFreed(long object);
    void observedDeadlock(ObservedDeadlock deadlock);
    void flush();
    void close();

    /** Names a test before a thread records its start ({@link TestMarkers}); ignored by default. */
    default void defineTest(TestCaseInfo test) {}

    /** The trace file being written, or null when the recording goes elsewhere. */
    default String file() {
        return null;
    }

    /** A thread of the output itself (the trace writer's drain thread), which must record nothing. */
    default boolean isOwnThread(Thread thread) {
        return false;
    }

    /** Records nothing. */
    TraceOutput NONE = new TraceOutput() {
        @Override public EventRecorder newRecorder(int thread) { return EventRecorder.NONE; }
        @Override public void defineThread(ThreadInfo thread) {}
        @Override public void defineMethod(MethodInfo method) {}
        @Override public void defineSite(SiteInfo site) {}
        @Override public void defineField(FieldInfo field) {}
        @Override public void defineObject(ObjectInfo object) {}
        @Override public void objectFreed(long object) {}
        @Override public void observedDeadlock(ObservedDeadlock deadlock) {}
        @Override public void flush() {}
        @Override public void close() {}
    };
}
