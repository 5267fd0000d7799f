package dev.racelock.agent.runtime;

import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.format.TraceDictionary;

/**
 * Where a recording goes: the trace writer in a run ({@link WriterOutput}), an in-memory list in
 * tests. Its events go to the threads' recorders, its definitions to its {@link #dictionary()};
 * none calls back into application code.
 */
public interface TraceOutput {
    EventRecorder newRecorder(int thread);

    /**
     * Where threads, methods, sites, fields, objects, lock sets and tests are defined (once each,
     * not per event): thread-safe, and the same object for the whole recording.
     */
    TraceDictionary dictionary();
    void observedDeadlock(ObservedDeadlock deadlock);
    void flush();
    void close();

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
        private final TraceDictionary nothing = new NoDefinitions();

        @Override public EventRecorder newRecorder(int thread) { return EventRecorder.NONE; }
        @Override public TraceDictionary dictionary() { return nothing; }
        @Override public void observedDeadlock(ObservedDeadlock deadlock) {}
        @Override public void flush() {}
        @Override public void close() {}
    };

    /** Keeps no definition: the dictionary of {@link #NONE}, and of outputs that keep only a few. */
    class NoDefinitions implements TraceDictionary {
        @Override public void defineThread(ThreadInfo thread) {}
        @Override public void defineMethod(MethodInfo method) {}
        @Override public void defineSite(SiteInfo site) {}
        @Override public void defineField(FieldInfo field) {}
        @Override public void defineObject(ObjectInfo object) {}
        @Override public void defineLockSet(LockSetInfo set) {}
        @Override public void objectFreed(long object) {}
        @Override public void defineTest(TestCaseInfo test) {}
    }
}
