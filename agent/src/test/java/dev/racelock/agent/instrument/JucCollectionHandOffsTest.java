package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * drainTo, TransferQueue, iteration of concurrent collections and the CyclicBarrier action:
 * each acquire takes exactly the token of the insertion it saw (fixture CollectionHandOffs).
 */
class JucCollectionHandOffsTest {
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("CollectionHandOffs");
        // 4 drained, a refused tryTransfer, "b", "a", 3 streamed, "a" by entrySet, values, keySet,
        // "p", "s", 1 streamed, the barrier action
        assertEquals(2 + 1 + 1 + 1 + 1 + 1 + 3 + 1 + 1 + 1 + 1 + 1 + 1 + 1, run.result);
    }

    private static List<Long> tokens(String marker, String kind) {
        return run.at(marker, kind).stream().map(Event::object).toList();
    }

    private static long one(String marker, String kind) {
        List<Long> tokens = tokens(marker, kind);
        assertEquals(1, tokens.size(), kind + " at " + marker + ": " + run.at(marker));
        return tokens.get(0);
    }

    @Test
    void drainToAcquiresTheInsertionOfEveryElementMovedAndNothingElse() {
        assertEquals(List.of(one("@drain put a", "hbRelease"), one("@drain put b", "hbRelease")),
                tokens("@drainTo list", "hbAcquire"), "appended to a list that held one element already");
        assertEquals(List.of(one("@drain put c", "hbRelease")), tokens("@drainTo set", "hbAcquire"),
                "drainTo(set, 1) moved the head only");
        assertEquals(List.of(one("@drain put a again", "hbRelease")), tokens("@drainTo rest", "hbAcquire"));
    }

    @Test
    void transferIsAnInsertionAndARefusedTryTransferInsertsNothing() {
        long put = one("@transfer put", "hbRelease");
        assertEquals(1, tokens("@tryTransfer refused", "hbRelease").size());
        assertEquals(1, tokens("@tryTransfer timed out", "hbRelease").size());
        assertEquals(put, one("@transfer take", "hbAcquire"), "the withdrawn tokens are never acquired");
    }

    @Test
    void iterationAcquiresTheElementSeenWithoutConsumingIt() {
        assertEquals(one("@cow add", "hbRelease"), one("@cow iterate", "hbAcquire"));
        long offered = one("@queue offer", "hbRelease");
        assertEquals(List.of(offered), tokens("@queue forEach", "hbAcquire"),
                "the element queued twice is ambiguous: not acquired");
        assertEquals(List.of(offered), tokens("@queue stream", "hbAcquire"), "peeks do not consume");
        long put = one("@map put", "hbRelease");
        assertEquals(put, one("@map entrySet", "hbAcquire"));
        assertEquals(put, one("@map keySet next", "hbAcquire"));
        assertEquals(put, one("@map forEach", "hbAcquire"));
        assertEquals(List.of(), tokens("@map values", "hbAcquire"), "a value does not say its key");
        assertEquals(one("@skiplist put", "hbRelease"), one("@skiplist keys", "hbAcquire"));
        assertEquals(one("@deque offer", "hbRelease"), one("@deque parallelStream", "hbAcquire"),
                "acquired by whichever thread the stream gave the element to");
        assertEquals(List.of(), tokens("@plain iterate", "hbAcquire"), "an ArrayList promises nothing");
    }

    @Test
    void barrierActionAcquiresTheArrivalsAndReleasesToTheReturns() {
        long generation = one("@barrier await", "hbRelease");
        List<String> action = run.at("@barrier new", "hbAcquire", "hbRelease").stream()
                .filter(e -> e.object() == generation).map(Event::kind).toList();
        assertEquals(List.of("hbAcquire", "hbRelease"), action,
                "the action, recorded at the constructor's site, acquires the arrivals then releases");
        assertEquals(generation, one("@barrier await", "hbAcquire"), "the return acquires what the action released");
    }
}
