package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.trace.DictionaryEntry;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every EventVisitor method reaches the analyses (or, for calling context, the shared state): a
 * method added to the visitor that the session does not forward fails here, not silently in a
 * user's run. The session calls analyses by family (EventVisitor, "Two levels"), so an analysis
 * that overrides a per-kind method is refused.
 */
class EventDispatchTest {

    private static final Set<String> VISITOR_METHODS = Arrays.stream(EventVisitor.class.getMethods())
            .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));

    @Test
    void everyMethodTheSessionCallsOrKeepsHasExactlyOnePlaceAndTheSessionOverridesIt() throws NoSuchMethodException {
        List<String> placed = new ArrayList<>(EventFamily.TO_EVERY_ANALYSIS);
        placed.addAll(EventFamily.SHARED_STATE_ONLY);
        for (EventFamily f : EventFamily.values()) {
            placed.addAll(f.methods());
        }
        assertEquals(placed.size(), new HashSet<>(placed).size(), "a method in two places: " + placed);
        for (Method m : EventVisitor.class.getMethods()) {
            boolean overridden = !AnalysisSession.class.getMethod(m.getName(), m.getParameterTypes())
                    .getDeclaringClass().isInterface();
            assertEquals(placed.contains(m.getName()), overridden,
                    m.getName() + ": the session overrides what it places, and leaves per-kind forms to their family");
        }
        assertTrue(VISITOR_METHODS.containsAll(placed), "not an EventVisitor method: " + placed);
    }

    @Test
    void everyEventReachesAnAnalysisThatOverridesEveryFamily() throws Exception {
        EveryFamily spy = new EveryFamily();
        AnalysisSession session = new AnalysisSession(List.of(state -> spy));
        for (Method m : EventVisitor.class.getMethods()) {
            spy.received.clear();
            m.invoke(session, Arrays.stream(m.getParameterTypes()).map(EventDispatchTest::sample).toArray());
            assertEquals(!EventFamily.SHARED_STATE_ONLY.contains(m.getName()), !spy.received.isEmpty(),
                    m.getName() + " reached " + spy.received);
        }
    }

    @Test
    void refusesAnAnalysisThatOverridesAPerKindMethod() {
        class ReadsOnly implements Analysis {
            @Override
            public void read(int thread, long object, int field, int site) {}

            @Override
            public List<Finding> findings() {
                return List.of();
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AnalysisSession(List.of(state -> new ReadsOnly())));
        assertTrue(e.getMessage().contains("EventVisitor.read"), e.getMessage());
    }

    @Test
    void callingContextEventsUpdateTheSharedState() {
        AnalysisSession session = new AnalysisSession(List.of());
        session.methodEnter(3, 7, -1);
        assertNotEquals(0, session.state().contexts().current(3));
        session.methodExit(3);
        assertEquals(0, session.state().contexts().current(3));
        assertTrue(session.events() == 2);
    }

    /** A harmless argument of the type: zero, empty, or a dictionary record built from such. */
    private static Object sample(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == List.class) {
            return List.of();
        }
        if (type.isSealed()) {
            return sample(type.getPermittedSubclasses()[0]);
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types)
                        .newInstance(Arrays.stream(types).map(EventDispatchTest::sample).toArray());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot build a " + type.getName(), e);
            }
        }
        throw new AssertionError("no sample for " + type.getName() + ": extend EventDispatchTest.sample");
    }

    /** Overrides every method the session calls on analyses, and notes which were called. */
    private static final class EveryFamily implements Analysis {
        final Set<String> received = new TreeSet<>();

        @Override public List<Finding> findings() { return List.of(); }
        @Override public void header(TraceHeader header) { received.add("header"); }
        @Override public void end(TraceEnd end) { received.add("end"); }
        @Override public void define(DictionaryEntry entry) { received.add("define"); }
        @Override public void access(int thread, int target, boolean write, long object, int slot, int length, int site) {
            received.add("access");
        }
        @Override public void ownedRead(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                                        int context) { received.add("ownedRead"); }
        @Override public void ownedWrite(int thread, int owner, long object, int field, int site, int releases, int lockSet,
                                         int context, int readSite) { received.add("ownedWrite"); }
        @Override public void orderMark(int thread) { received.add("orderMark"); }
        @Override public void volatileAccess(int thread, boolean write, long object, int slot, int site) { received.add("volatileAccess"); }
        @Override public void lockRequest(int thread, long lock, int site, int flags) { received.add("lockRequest"); }
        @Override public void lockAcquire(int thread, long lock, int site, int flags) { received.add("lockAcquire"); }
        @Override public void lockRelease(int thread, long lock, int site, int flags) { received.add("lockRelease"); }
        @Override public void forkJoin(int thread, boolean join, int child, int site) { received.add("forkJoin"); }
        @Override public void threadBegin(int thread) { received.add("threadBegin"); }
        @Override public void threadEnd(int thread, int lastOwnedAccess) { received.add("threadEnd"); }
        @Override public void handOff(int thread, boolean release, long token, int site) { received.add("handOff"); }
        @Override public void testStart(int thread, int test) { received.add("testStart"); }
        @Override public void testEnd(int thread, int test) { received.add("testEnd"); }
        @Override public void objectFreed(long object) { received.add("objectFreed"); }
        @Override public void observedDeadlock(ObservedDeadlock deadlock) { received.add("observedDeadlock"); }
    }
}
