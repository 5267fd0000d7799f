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

/** Library hand-offs record hbRelease/hbAcquire pairs whose tokens match exactly where the JDK orders. */
class JucHandOffsTest {
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("HandOffs");
        assertEquals(42 + 3 + 5 + 1 + 1 + 1 + 5 + 1 + 3 + 0 + 11 + 4, run.result);
    }

    private static Set<Long> tokens(String marker, String kind) {
        return run.at(marker, kind).stream().map(Event::object).collect(Collectors.toSet());
    }

    private static long one(String marker, String kind) {
        Set<Long> tokens = tokens(marker, kind);
        assertEquals(1, tokens.size(), kind + " at " + marker + ": " + run.at(marker));
        return tokens.iterator().next();
    }

    private static int mainThread() {
        return run.at("@get", "hbAcquire").get(0).thread();
    }

    /*
     * The worker's side of executor hand-offs (runWorker, FutureTask.run/set, the executor token)
     * is recorded inside retransformed JDK classes, which only the real agent does: JucSamplesIT
     * and ExecutorSeesItsTask check it end to end. Here: the call sites' side.
     */

    @Test
    void submitReleasesATokenBoundToTheTaskWhichGetAcquires() {
        List<Event> submit = run.at("@submit", "hbRelease", "hbAcquire");
        assertEquals(1, submit.size(), submit.toString());
        assertEquals("hbRelease", submit.get(0).kind());
        assertEquals(mainThread(), submit.get(0).thread());
        assertTrue(tokens("@get", "hbAcquire").contains(submit.get(0).object()),
                "get acquires what the future stands for");
    }

    @Test
    void invokeAllReleasesPerTaskAndAcquiresEveryCompletedFuture() {
        assertEquals(2, tokens("@invokeAll", "hbRelease").size(), "one token per task");
        Set<Long> acquired = run.at("@invokeAll", "hbAcquire").stream().filter(e -> e.thread() == mainThread())
                .map(Event::object).collect(Collectors.toSet());
        assertEquals(2, acquired.size(), "each returned FutureTask's completion");
        one("@awaitTermination", "hbAcquire");
    }

    @Test
    void latchAndSemaphoreReleaseBeforeAndAcquireAfter() {
        assertEquals(one("@countDown", "hbRelease"), one("@latch await", "hbAcquire"));
        assertEquals(one("@release", "hbRelease"), one("@acquire", "hbAcquire"));
    }

    @Test
    void countDownOnALatchAlreadyAtZeroReleasesNothing() {
        assertEquals(Set.of(), tokens("@countDown at zero", "hbRelease"));
    }

    @Test
    void queueContainsAndRemoveOfAnElementAreAccessesOfItsInsertion() {
        long put = one("@put job", "hbRelease");
        assertEquals(put, one("@contains job", "hbAcquire"));
        assertEquals(put, one("@remove job", "hbAcquire"));
    }

    @Test
    void eachQueueInsertionIsAcquiredByTheRemovalOfThatInsertion() {
        long first = one("@put first", "hbRelease");
        long second = one("@offer second", "hbRelease");
        assertNotEquals(first, second, "the same element inserted twice: two insertions, two tokens");
        assertEquals(first, one("@take first", "hbAcquire"));
        assertEquals(second, one("@poll second", "hbAcquire"));
    }

    @Test
    void dequeEndsAndCopyOnWriteListsHandOffTheirElements() {
        assertEquals(one("@deque offerFirst", "hbRelease"), one("@deque pollLast", "hbAcquire"));
        long added = one("@cow add", "hbRelease");
        assertEquals(added, one("@cow contains", "hbAcquire"));
        assertEquals(added, one("@cow get", "hbAcquire"));
        assertEquals(Set.of(), tokens("@plain add", "hbRelease"), "an ArrayList promises nothing");
    }

    @Test
    void mapPutIsAcquiredByAGetOfAnEqualKeyOnly() {
        assertEquals(one("@map put", "hbRelease"), one("@map get", "hbAcquire"));
        assertEquals(Set.of(), tokens("@map miss", "hbAcquire"));
    }

    @Test
    void completableFutureStagesChainTheirTokensToJoinAndGet() {
        long supplied = one("@supplyAsync", "hbRelease") ;
        Set<Long> callbackStart = run.at("@thenApply", "hbAcquire").stream().map(Event::object)
                .collect(Collectors.toSet());
        assertTrue(callbackStart.contains(supplied), "the callback acquires its source's completion");
        List<Event> releases = run.at("@thenApply", "hbRelease");
        assertEquals(2, releases.size(), "the registration, then the callback's end: " + releases);
        assertTrue(callbackStart.contains(releases.get(0).object()), "the callback acquires its registration");
        long callbackEnd = releases.get(1).object();
        assertTrue(tokens("@join", "hbAcquire").contains(callbackEnd));
        assertEquals(one("@complete", "hbRelease"), one("@cf get", "hbAcquire"));
    }
}
