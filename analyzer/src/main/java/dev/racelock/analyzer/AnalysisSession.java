package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.lockorder.LockOrderAnalysis;
import dev.racelock.analyzer.lockorder.PredictiveLockOrderAnalysis;
import dev.racelock.analyzer.observed.ObservedDeadlockAnalysis;
import dev.racelock.analyzer.predict.PredictiveRaceAnalysis;
import dev.racelock.analyzer.race.RaceAnalysis;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.DictionaryEntry;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One streaming pass over one trace: the composite visitor that updates the shared
 * {@link TraceState} once per event and hands each event to every analysis. Feed it from a trace
 * reader, or call its methods directly (tests, benchmarks); then ask for {@link #result()}.
 *
 * <p>Order per event: dictionary entries are stored first, then delivered; for every other
 * event, the analyses run first and see the shared state as it was before the event, then the
 * state is updated (so at an acquire, the hold count still says whether it is reentrant).
 */
public final class AnalysisSession implements EventVisitor {

    private final TraceState state = new TraceState();
    private final Analysis[] analyses;
    // Per event family, only the analyses that override one of its methods: fewer calls, and
    // call sites that see one or two receiver classes, which the JIT can inline.
    private final Analysis[] dictionaries;
    private final Analysis[] memory;
    private final Analysis[] volatiles;
    private final Analysis[] locks;
    private final Analysis[] threads;
    private final Analysis[] handOffs;
    private final Analysis[] lifetime;
    private final Analysis[] markers;
    private final Analysis[] orderMarks;
    private final List<String> warnings = new ArrayList<>();
    private long events;
    private TraceHeader header;
    private TraceEnd traceEnd;

    /** A session running the standard analyses: races, lock order, observed deadlocks. */
    public AnalysisSession() {
        this(standardAnalyses());
    }

    public AnalysisSession(List<Function<TraceState, ? extends Analysis>> factories) {
        analyses = new Analysis[factories.size()];
        for (int i = 0; i < analyses.length; i++) {
            analyses[i] = factories.get(i).apply(state);
            requireNoPerKindOverride(analyses[i]);
        }
        dictionaries = overriding(EventFamily.DICTIONARY);
        memory = overriding(EventFamily.MEMORY);
        volatiles = overriding(EventFamily.VOLATILE);
        locks = overriding(EventFamily.LOCKS);
        threads = overriding(EventFamily.THREADS);
        handOffs = overriding(EventFamily.HAND_OFFS);
        lifetime = overriding(EventFamily.LIFETIME);
        markers = overriding(EventFamily.TEST_MARKERS);
        orderMarks = overriding(EventFamily.ORDER_MARKS);
    }

    /** The analyses whose class overrides at least one of the family's EventVisitor methods. */
    private Analysis[] overriding(EventFamily family) {
        List<Analysis> found = new ArrayList<>();
        for (Analysis a : analyses) {
            for (Method m : a.getClass().getMethods()) {
                if (family.methods().contains(m.getName()) && !m.getDeclaringClass().isInterface()) {
                    found.add(a);
                    break;
                }
            }
        }
        return found.toArray(new Analysis[0]);
    }

    /**
     * Refuses an analysis that overrides a per-kind method of a family, such as {@code read} or
     * {@code hbAcquire}: the session calls the family method ({@code access}, {@code handOff};
     * EventVisitor, "Two levels"), so the override would be skipped without a word.
     */
    private static void requireNoPerKindOverride(Analysis a) {
        for (Method m : EventVisitor.class.getMethods()) {
            if (!overrides(AnalysisSession.class, m) && overrides(a.getClass(), m)) {
                throw new IllegalArgumentException(a.getClass().getName() + " overrides EventVisitor." + m.getName()
                        + ", which analyses receive through the method of its family: override that instead");
            }
        }
    }

    /** True when {@code type} has its own implementation of the visitor method {@code m}, not the interface's. */
    private static boolean overrides(Class<?> type, Method m) {
        try {
            return !type.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass().isInterface();
        } catch (NoSuchMethodException e) {
            throw new AssertionError("an EventVisitor has every EventVisitor method", e);
        }
    }

    public static List<Function<TraceState, ? extends Analysis>> standardAnalyses() {
        return List.of(RaceAnalysis::new, LockOrderAnalysis::new, ObservedDeadlockAnalysis::new);
    }

    /**
     * The standard analyses with prediction ({@code --analysis predictive}): races another
     * schedule shows (WCP), and the lock order with sound deadlock prediction.
     */
    public static List<Function<TraceState, ? extends Analysis>> predictiveAnalyses() {
        return List.of(RaceAnalysis::new, PredictiveRaceAnalysis::new, PredictiveLockOrderAnalysis::new,
                ObservedDeadlockAnalysis::new);
    }

    public TraceState state() {
        return state;
    }

    /** The running analysis of that type, or null. */
    public <A extends Analysis> A analysis(Class<A> type) {
        for (Analysis a : analyses) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    /** Events seen so far (dictionary entries not counted). */
    public long events() {
        return events;
    }

    /**
     * The findings so far, merged and sorted, with warnings. Call after {@link #end} (a session
     * fed directly may skip end(); findings are computed from what was seen).
     */
    public AnalysisResult result() {
        FindingMerger merger = new FindingMerger();
        List<String> all = new ArrayList<>(warnings);
        for (Analysis a : analyses) {
            merger.addAll(a.findings());
            all.addAll(a.warnings());
        }
        return new AnalysisResult(List.of(), merger.sorted(), events, all);
    }

    /** The trace header, or null when the source gave none (in-memory streams). */
    public TraceHeader header() {
        return header;
    }

    /** How the trace ended, or null before {@link #end}. */
    public TraceEnd traceEnd() {
        return traceEnd;
    }

    // ---- trace-level ------------------------------------------------------------------------

    @Override
    public void header(TraceHeader header) {
        this.header = header;
        for (Analysis a : analyses) {
            a.header(header);
        }
    }

    @Override
    public void end(TraceEnd end) {
        traceEnd = end;
        if (end != null && !end.complete() && end.problem() != null) {
            warnings.add(end.problem());
        }
        for (Analysis a : analyses) {
            a.end(end);
        }
    }

    // ---- dictionaries -----------------------------------------------------------------------

    @Override
    public void define(DictionaryEntry entry) {
        state.define(entry);
        for (Analysis a : dictionaries) {
            a.define(entry);
        }
    }

    // ---- plain memory accesses ----------------------------------------------------------------

    /**
     * Most events are plain accesses, and the predictive session hands each to three analyses.
     * A loop's one call site would see all three classes and make an interface call per analysis
     * and access (HotSpot inlines a call site of at most two receiver classes); one call site per
     * place in {@link #memory} sees one class in a session, which the JIT can inline.
     */
    @Override
    public void access(int thread, int target, boolean write, long object, int slot, int length, int site) {
        events++;
        Analysis[] m = memory;
        int n = m.length;
        if (n > 0) {
            m[0].access(thread, target, write, object, slot, length, site);
            if (n > 1) {
                m[1].access(thread, target, write, object, slot, length, site);
                if (n > 2) {
                    m[2].access(thread, target, write, object, slot, length, site);
                    for (int i = 3; i < n; i++) {
                        m[i].access(thread, target, write, object, slot, length, site);
                    }
                }
            }
        }
    }

    @Override
    public void ownedRead(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                          int context) {
        events++;
        for (Analysis a : memory) {
            a.ownedRead(thread, owner, object, field, site, releases, lockSet, context);
        }
    }

    @Override
    public void ownedWrite(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                           int context, int readSite) {
        events++;
        for (Analysis a : memory) {
            a.ownedWrite(thread, owner, object, field, site, releases, lockSet, context, readSite);
        }
    }

    @Override
    public void orderMark(int thread) {
        events++;
        for (Analysis a : orderMarks) {
            a.orderMark(thread);
        }
    }

    // ---- synchronization ----------------------------------------------------------------------

    @Override
    public void volatileAccess(int thread, boolean write, long object, int slot, int site) {
        events++;
        for (Analysis a : volatiles) {
            a.volatileAccess(thread, write, object, slot, site);
        }
    }

    @Override
    public void lockRequest(int thread, long lock, int site, int flags) {
        events++;
        for (Analysis a : locks) {
            a.lockRequest(thread, lock, site, flags);
        }
    }

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        events++;
        for (Analysis a : locks) {
            a.lockAcquire(thread, lock, site, flags);
        }
        state.lockAcquire(thread, lock, site, flags);
    }

    @Override
    public void lockRelease(int thread, long lock, int site, int flags) {
        events++;
        for (Analysis a : locks) {
            a.lockRelease(thread, lock, site, flags);
        }
        state.lockRelease(thread, lock, flags);
    }

    @Override
    public void forkJoin(int thread, boolean join, int child, int site) {
        events++;
        for (Analysis a : threads) {
            a.forkJoin(thread, join, child, site);
        }
        if (!join) {
            state.threadStart(thread, child);
        }
    }

    @Override
    public void threadBegin(int thread) {
        events++;
        for (Analysis a : threads) {
            a.threadBegin(thread);
        }
    }

    @Override
    public void threadEnd(int thread) {
        threadEnd(thread, LastOwnedAccess.UNKNOWN);
    }

    @Override
    public void threadEnd(int thread, int lastOwnedAccess) {
        events++;
        for (Analysis a : threads) {
            a.threadEnd(thread, lastOwnedAccess);
        }
    }

    @Override
    public void handOff(int thread, boolean release, long token, int site) {
        events++;
        for (Analysis a : handOffs) {
            a.handOff(thread, release, token, site);
        }
    }

    // ---- calling context: shared state only, analyses read it ---------------------------------

    @Override
    public void methodEnter(int thread, int method, int callSite) {
        events++;
        state.methodEnter(thread, method, callSite);
    }

    @Override
    public void methodExit(int thread) {
        events++;
        state.methodExit(thread);
    }

    @Override
    public void context(int thread, int node) {
        events++;
        state.context(thread, node);
    }

    // ---- test markers --------------------------------------------------------------------------

    @Override
    public void testStart(int thread, int test) {
        events++;
        for (Analysis a : markers) {
            a.testStart(thread, test);
        }
        state.testStart(thread, test);
    }

    @Override
    public void testEnd(int thread, int test) {
        events++;
        for (Analysis a : markers) {
            a.testEnd(thread, test);
        }
        state.testEnd(thread, test);
    }

    // ---- lifetime, watchdog -------------------------------------------------------------------

    @Override
    public void objectFreed(long object) {
        events++;
        for (Analysis a : lifetime) {
            a.objectFreed(object);
        }
        state.objectFreed(object);
    }

    @Override
    public void observedDeadlock(ObservedDeadlock deadlock) {
        events++;
        for (Analysis a : analyses) {
            a.observedDeadlock(deadlock);
        }
    }
}
