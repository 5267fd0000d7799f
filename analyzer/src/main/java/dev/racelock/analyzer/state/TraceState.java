package dev.racelock.analyzer.state;

import dev.racelock.analyzer.collect.LocationStates;
import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.testcase.TestTimeline;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.DictionaryEntry;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.TestCaseInfo;

/**
 * Per-trace state that several analyses read and that is updated once per event, by the
 * session, not by the analyses: dictionaries and thread names, the calling-context tree, lock
 * classes, the locks each thread holds, and the test each thread is in.
 *
 * <p>Timing contract (AnalysisSession): dictionary entries are stored before analyses see them;
 * for every other event, analyses see this state as it was <em>before</em> the event (e.g. at a
 * lock acquire, {@link LockHolds#holdCount} still says whether this acquire is reentrant).
 *
 * <p>One part is written by the analyses, not the session: {@link #locations()}, the table in
 * which each analysis that keeps state per memory location keeps it, in a column of its own, so
 * that an access is looked up once for all of them. The session only frees it: an object's
 * locations are dropped after every analysis has seen the object freed.
 */
public final class TraceState {

    private final TraceDictionary dictionary = new TraceDictionary();
    private final CallingContexts contexts = new CallingContexts();
    private final LockClasses lockClasses = new LockClasses(dictionary);
    private final LockHolds holds = new LockHolds(lockClasses);
    private final TestTimeline tests = new TestTimeline();
    private final LocationStates locations = new LocationStates();

    public TraceDictionary dictionary() {
        return dictionary;
    }

    public CallingContexts contexts() {
        return contexts;
    }

    public LockClasses lockClasses() {
        return lockClasses;
    }

    public LockHolds holds() {
        return holds;
    }

    /** Which test each thread is in now, from the test markers (none in a trace without them). */
    public TestTimeline tests() {
        return tests;
    }

    /**
     * Per memory location (field of an object, static field, volatile), the state
     * each analysis keeps of it, in the column it claimed when it was built ({@link LocationStates}).
     */
    public LocationStates locations() {
        return locations;
    }

    /**
     * How a finding shows one access: thread {@code thread}'s read or write at {@code site}, its
     * stack from calling context {@code context}, and the locks of {@code lockSet} it held;
     * {@code index} is the array index, or -1 for a field; {@code calledMethod} the modelled JDK
     * method it called, or null.
     */
    public Access access(int thread, boolean write, int index, int site, int context, int lockSet,
                         String calledMethod) {
        return new Access(dictionary.threadRef(thread), write ? AccessKind.WRITE : AccessKind.READ, index,
                dictionary.sourceSite(site), contexts.stack(dictionary, site, context),
                holds.describe(dictionary, lockSet), calledMethod, contexts.base(dictionary, context));
    }

    // ---- updates, made by AnalysisSession only ------------------------------------------------

    /** Stores an entry with the part that holds its kind. */
    public void define(DictionaryEntry entry) {
        if (entry instanceof ContextInfo node) {
            contexts.define(node);
        } else if (entry instanceof LockSetInfo set) {
            holds.define(set);
        } else if (entry instanceof TestCaseInfo test) {
            tests.define(test);
        } else {
            dictionary.define(entry);
        }
    }

    public void threadStart(int thread, int child) {
        tests.threadStart(thread, child);
    }

    public void testStart(int thread, int test) {
        tests.testStart(thread, test);
    }

    public void testEnd(int thread, int test) {
        tests.testEnd(thread, test);
    }

    public void methodEnter(int thread, int method, int callSite) {
        contexts.enter(thread, method, callSite);
    }

    public void methodExit(int thread) {
        contexts.exit(thread);
    }

    public void context(int thread, int node) {
        contexts.switchTo(thread, node);
    }

    public void lockAcquire(int thread, long lock, int site, int flags) {
        holds.acquire(thread, lock, site, flags, contexts.current(thread));
    }

    public void lockRelease(int thread, long lock, int flags) {
        holds.release(thread, lock, flags);
    }

    public void objectFreed(long object) {
        dictionary.freed(object);
        lockClasses.freed(object);
        locations.free(object);
    }
}
