package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small DSL for writing traces in tests: define threads, methods, sites, fields and objects,
 * then emit events in sync-consistent order. The script can be replayed into any visitor. Ids
 * come from a base and lines from a shift, so the same scenario can be written with other object
 * ids and line numbers (fingerprint stability).
 */
public final class TraceScript {

    private final List<Consumer<EventVisitor>> events = new ArrayList<>();
    private final long objectBase;
    private final int lineShift;
    private final Map<String, Integer> methods = new HashMap<>();
    private int nextThread;
    private int nextMethod;
    private int nextSite;
    private int nextField;
    private long nextObject;

    public TraceScript() {
        this(1000, 0);
    }

    public TraceScript(long objectBase, int lineShift) {
        this.objectBase = objectBase;
        this.lineShift = lineShift;
    }

    private TraceScript emit(Consumer<EventVisitor> e) {
        events.add(e);
        return this;
    }

    // ---- dictionaries ---------------------------------------------------------------------------

    public TraceScript header(boolean recordsMemory) {
        return emit(v -> v.header(new TraceHeader(1, 42, 0, "17", "test", "", recordsMemory, true)));
    }

    /** The header of a trace recorded with the ownership filter: accesses may come late ({@link #ownedWrite}). */
    public TraceScript ownedHeader() {
        return emit(v -> v.header(new TraceHeader(2, 42, 0, "17", "test", "", true, true, true)));
    }

    public int thread(String name) {
        return thread(name, -1, -1);
    }

    public int thread(String name, int parent, int creationSite) {
        int id = nextThread++;
        ThreadInfo info = new ThreadInfo(id, name, parent, creationSite, false);
        emit(v -> v.thread(info));
        return id;
    }

    public int method(String className, String name) {
        return methods.computeIfAbsent(className + "#" + name, k -> {
            int id = nextMethod++;
            String simple = className.substring(className.lastIndexOf('.') + 1);
            String file = (simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple) + ".java";
            MethodInfo info = new MethodInfo(id, className, name, "()V", file);
            emit(v -> v.method(info));
            return id;
        });
    }

    public int site(String className, String method, int line) {
        int m = method(className, method);
        int id = nextSite++;
        SiteInfo info = new SiteInfo(id, m, line + lineShift);
        emit(v -> v.site(info));
        return id;
    }

    /** A site at {@code line} that calls {@code calledClass.calledName} (SiteInfo.calledMethod): a JDK call of the library model. */
    public int callSite(String className, String method, int line, String calledClass, String calledName) {
        int m = method(className, method);
        int called = method(calledClass, calledName);
        int id = nextSite++;
        SiteInfo info = new SiteInfo(id, m, line + lineShift, called);
        emit(v -> v.site(info));
        return id;
    }

    public int field(String owner, String name, String descriptor) {
        int id = nextField++;
        FieldInfo info = new FieldInfo(id, owner, name, descriptor, false, false);
        emit(v -> v.field(info));
        return id;
    }

    public int staticField(String owner, String name, String descriptor) {
        int id = nextField++;
        FieldInfo info = new FieldInfo(id, owner, name, descriptor, false, true);
        emit(v -> v.field(info));
        return id;
    }

    public long object(String className) {
        return defineObject(className, -1, -1);
    }

    /** An array allocated at {@code site}. */
    public long array(String className, int site) {
        return defineObject(className, site, -1);
    }

    /** A lock loaded from {@code field} (its lock class is that field). */
    public long lockInField(String className, int field) {
        return defineObject(className, -1, field);
    }

    public long lockAllocatedAt(String className, int site) {
        return defineObject(className, site, -1);
    }

    private long defineObject(String className, int site, int field) {
        long id = objectBase + 7 * nextObject++;
        ObjectInfo info = new ObjectInfo(id, className, site, field);
        emit(v -> v.object(info));
        return id;
    }

    // ---- events -----------------------------------------------------------------------------

    public TraceScript read(int t, long object, int field, int site) {
        return emit(v -> v.read(t, object, field, site));
    }

    public TraceScript write(int t, long object, int field, int site) {
        return emit(v -> v.write(t, object, field, site));
    }

    public TraceScript arrayRead(int t, long array, int index, int site) {
        return emit(v -> v.arrayRead(t, array, index, site));
    }

    public TraceScript arrayWrite(int t, long array, int index, int site) {
        return emit(v -> v.arrayWrite(t, array, index, site));
    }

    public TraceScript arrayRangeWrite(int t, long array, int from, int length, int site) {
        return emit(v -> v.arrayRangeWrite(t, array, from, length, site));
    }

    public TraceScript arrayRangeRead(int t, long array, int from, int length, int site) {
        return emit(v -> v.arrayRangeRead(t, array, from, length, site));
    }

    public TraceScript volatileRead(int t, long object, int slot, int site) {
        return emit(v -> v.volatileRead(t, object, slot, site));
    }

    public TraceScript volatileWrite(int t, long object, int slot, int site) {
        return emit(v -> v.volatileWrite(t, object, slot, site));
    }

    /** A monitor enter: request, then acquire. */
    public TraceScript lock(int t, long lock, int site) {
        return lock(t, lock, site, LockFlags.MONITOR);
    }

    public TraceScript lock(int t, long lock, int site, int flags) {
        emit(v -> v.lockRequest(t, lock, site, flags));
        return emit(v -> v.lockAcquire(t, lock, site, flags));
    }

    /** A request the thread is still blocked in (no acquire follows). */
    public TraceScript lockRequestOnly(int t, long lock, int site) {
        return emit(v -> v.lockRequest(t, lock, site, LockFlags.MONITOR));
    }

    /** An acquire with no request before it (a successful tryLock, or an agent without requests). */
    public TraceScript acquire(int t, long lock, int site, int flags) {
        return emit(v -> v.lockAcquire(t, lock, site, flags));
    }

    public TraceScript unlock(int t, long lock, int site) {
        return unlock(t, lock, site, LockFlags.MONITOR);
    }

    public TraceScript unlock(int t, long lock, int site, int flags) {
        return emit(v -> v.lockRelease(t, lock, site, flags));
    }

    public TraceScript start(int parent, int child, int site) {
        emit(v -> v.threadStart(parent, child, site));
        return emit(v -> v.threadBegin(child));
    }

    public TraceScript end(int t) {
        return emit(v -> v.threadEnd(t));
    }

    /** A thread end of format 2.5, saying how many releases {@code t} had made at its last owned access. */
    public TraceScript end(int t, int lastOwnedAccess) {
        return emit(v -> v.threadEnd(t, lastOwnedAccess));
    }

    /**
     * {@code owner}'s last write of {@code field}, kept beside the object after {@code releases} of
     * its releases and written out by {@code t}, the first other thread to touch it.
     */
    public TraceScript ownedWrite(int t, int owner, long object, int field, int site, int releases) {
        return emit(v -> v.ownedWrite(t, owner, object, field, site, releases, 0, 0, -1));
    }

    public TraceScript join(int t, int child, int site) {
        return emit(v -> v.threadJoin(t, child, site));
    }

    public TraceScript hbRelease(int t, long token, int site) {
        return emit(v -> v.hbRelease(t, token, site));
    }

    public TraceScript hbAcquire(int t, long token, int site) {
        return emit(v -> v.hbAcquire(t, token, site));
    }

    public TraceScript enter(int t, int method, int callSite) {
        return emit(v -> v.methodEnter(t, method, callSite));
    }

    public TraceScript exit(int t) {
        return emit(v -> v.methodExit(t));
    }

    /** Names a test (test markers, docs/trace-format.md). */
    public TraceScript testCase(int id, String className, String methodName) {
        TestCaseInfo info = new TestCaseInfo(id, "[test:" + id + "]", className, methodName,
                methodName == null ? className : methodName + "()");
        return emit(v -> v.testCase(info));
    }

    public TraceScript testStart(int t, int test) {
        return emit(v -> v.testStart(t, test));
    }

    public TraceScript testEnd(int t, int test) {
        return emit(v -> v.testEnd(t, test));
    }

    public TraceScript freed(long object) {
        return emit(v -> v.objectFreed(object));
    }

    public TraceScript observedDeadlock(ObservedDeadlock d) {
        return emit(v -> v.observedDeadlock(d));
    }

    // ---- running ------------------------------------------------------------------------------

    public void replay(EventVisitor visitor) {
        for (Consumer<EventVisitor> e : events) {
            e.accept(visitor);
        }
    }

    /** Replays into a fresh session with the standard analyses, without ending it. */
    public AnalysisSession session() {
        AnalysisSession s = new AnalysisSession();
        replay(s);
        return s;
    }

    /** Replays into a fresh session, ends the trace, returns the result. */
    public AnalysisResult analyze() {
        return analyze(AnalysisSet.HB);
    }

    /** Replays into a fresh session running {@code analyses}, ends the trace, returns the result. */
    public AnalysisResult analyze(AnalysisSet analyses) {
        AnalysisSession s = new AnalysisSession(analyses.factories());
        replay(s);
        s.end(new TraceEnd(s.events(), true, null));
        return s.result();
    }

    public static List<Finding> ofType(AnalysisResult r, FindingType type) {
        return r.findings().stream().filter(f -> f.type() == type).toList();
    }
}
