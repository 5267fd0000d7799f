package dev.racelock.analyzer;

import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.trace.EventVisitor;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every EventVisitor method reaches the analyses (or, for calling context, the shared state): a
 * method added to the visitor that the session does not forward fails here, not silently in a
 * user's run.
 */
class EventDispatchTest {

    private static final Set<String> VISITOR_METHODS = Arrays.stream(EventVisitor.class.getMethods())
            .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));

    @Test
    void everyVisitorMethodHasExactlyOnePlaceInTheDispatch() {
        List<String> placed = new ArrayList<>(EventFamily.TO_EVERY_ANALYSIS);
        placed.addAll(EventFamily.SHARED_STATE_ONLY);
        for (EventFamily f : EventFamily.values()) {
            placed.addAll(f.methods());
        }
        assertEquals(placed.size(), new HashSet<>(placed).size(), "a method in two places: " + placed);
        assertEquals(VISITOR_METHODS, new TreeSet<>(placed));
    }

    @Test
    void sessionOverridesEveryVisitorMethod() throws NoSuchMethodException {
        for (Method m : EventVisitor.class.getMethods()) {
            Method own = AnalysisSession.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(AnalysisSession.class, own.getDeclaringClass(), m.getName());
        }
    }

    @Test
    void everyEventReachesAnAnalysisThatOverridesEverything() throws Exception {
        Set<String> received = new TreeSet<>();
        Analysis spy = (Analysis) Proxy.newProxyInstance(Analysis.class.getClassLoader(), new Class<?>[] {Analysis.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findings", "warnings" -> List.of();
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "spy";
                    default -> {
                        received.add(method.getName());
                        yield null;
                    }
                });
        AnalysisSession session = new AnalysisSession(List.of(state -> spy));
        for (Method m : EventVisitor.class.getMethods()) {
            m.invoke(session, Arrays.stream(m.getParameterTypes()).map(EventDispatchTest::sample).toArray());
        }
        Set<String> expected = new TreeSet<>(VISITOR_METHODS);
        expected.removeAll(EventFamily.SHARED_STATE_ONLY);
        assertEquals(expected, received);
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
}
