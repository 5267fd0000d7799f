package dev.racelock.analyzer.state;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceHeader;

/**
 * Per-trace state that several analyses read and that is updated once per event, by the
 * session, not by the analyses: dictionaries and thread names, the calling-context tree, lock
 * classes, and the locks each thread holds.
 *
 * <p>Timing contract (AnalysisSession): dictionary entries are stored before analyses see them;
 * for every other event, analyses see this state as it was <em>before</em> the event (e.g. at a
 * lock acquire, {@link LockHolds#holdCount} still says whether this acquire is reentrant).
 */
public final class TraceState {

    private final TraceDictionary dictionary = new TraceDictionary();
    private final CallingContexts contexts = new CallingContexts();
    private final LockClasses lockClasses = new LockClasses(dictionary);
    private final LockHolds holds = new LockHolds(lockClasses);
    private TraceHeader header;

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

    /** The trace header, or null when the source gave none (in-memory streams). */
    public TraceHeader header() {
        return header;
    }

    // ---- updates, made by AnalysisSession only ------------------------------------------------

    public void header(TraceHeader h) {
        header = h;
    }

    public void define(ThreadInfo t) {
        dictionary.define(t);
    }

    public void define(MethodInfo m) {
        dictionary.define(m);
    }

    public void define(SiteInfo s) {
        dictionary.define(s);
    }

    public void define(FieldInfo f) {
        dictionary.define(f);
    }

    public void define(ObjectInfo o) {
        dictionary.define(o);
    }

    public void define(ContextInfo node) {
        contexts.define(node);
    }

    public void define(LockSetInfo set) {
        holds.define(set);
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
    }
}
