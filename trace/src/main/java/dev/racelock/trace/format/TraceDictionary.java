package dev.racelock.trace.format;

import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;

/**
 * The dictionary part of a recording (docs/trace-format.md): the threads, methods, sites,
 * fields, objects, lock sets and tests that events refer to, each defined once before the first
 * event that names it, and the objects collected. A {@link TraceWriter} in a run; the agent's
 * tests keep them in memory. Every call is thread-safe and none calls back into code that could
 * be instrumented.
 */
public interface TraceDictionary {
    void defineThread(ThreadInfo thread);
    void defineMethod(MethodInfo method);
    void defineSite(SiteInfo site);
    void defineField(FieldInfo field);
    void defineObject(ObjectInfo object);
    /** A lock set, before the first owned access that names it ({@link ThreadEventBuffer#ownedRead}). */
    void defineLockSet(LockSetInfo set);
    void objectFreed(long object);
    /** Names a test before a thread records its first {@link ThreadEventBuffer#testStart}. */
    void defineTest(TestCaseInfo test);
}
