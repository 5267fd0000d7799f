package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** getNow acquires only a completion it returned; the exceptionally and Executor forms chain their tokens. */
class JucFutureStatesTest {
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("FutureStates");
        assertEquals(1 + 2 + 3 + 4 + 5, run.result);
    }

    private static Set<Long> tokens(String marker, String kind) {
        return run.at(marker, kind).stream().map(Event::object).collect(Collectors.toSet());
    }

    @Test
    void getNowOfACompletedFutureAcquiresItsCompletion() {
        assertTrue(tokens("@getNow done", "hbAcquire").contains(run.single("@complete", "hbRelease").object()));
    }

    @Test
    void getNowReturningTheDefaultOrdersNothing() {
        assertEquals(List.of(), run.at("@getNow default", "hbAcquire"));
    }

    @Test
    void getNowOfAFutureDoneBeforeTheCallAcquiresEvenWhenItsValueIsTheDefault() {
        assertTrue(tokens("@getNow null", "hbAcquire").contains(run.single("@complete null", "hbRelease").object()));
    }

    @Test
    void exceptionallyComposeJoinAcquiresTheSourceTheCallbackAndTheStageItReturned() {
        Set<Long> joined = tokens("@join recovered", "hbAcquire");
        assertTrue(joined.contains(run.single("@fail", "hbRelease").object()), "the failed source");
        assertTrue(joined.contains(run.single("@fallback", "hbRelease").object()), "the returned stage's completion");
        List<Event> registration = run.at("@exceptionallyCompose", "hbRelease");
        assertEquals(2, registration.size(), "the registration, then the callback's end: " + registration);
        assertTrue(joined.contains(registration.get(1).object()), "the callback's end");
    }

    @Test
    void anExecutorFormThroughTheInterfaceRunsTheCallbackAfterItsSourceAndItsRegistration() {
        List<Event> events = run.at("@thenAcceptAsync", "hbRelease", "hbAcquire");
        Event registration = events.get(0);
        assertEquals("hbRelease", registration.kind());
        List<Event> callback = events.stream().filter(e -> e.thread() != registration.thread()).toList();
        assertNotEquals(List.of(), callback, "the callback ran on the pool: " + events);
        Set<Long> started = callback.stream().filter(e -> e.kind().equals("hbAcquire")).map(Event::object)
                .collect(Collectors.toSet());
        assertTrue(started.contains(registration.object()), "its registration");
        assertTrue(started.contains(run.single("@complete", "hbRelease").object()), "its source's completion");
        long end = callback.get(callback.size() - 1).object();
        assertTrue(tokens("@join accepted", "hbAcquire").contains(end), "join acquires the callback's end");
    }
}
