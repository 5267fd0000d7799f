package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read-modify-write that may fail releases only if it succeeded: a failed compareAndSet wrote
 * nothing, so it records only its acquire half (it still read the location), while a successful
 * one records its release, numbered before the call, then its acquire (fixture AtomicOutcomes).
 */
class JucCompareAndSetTest {
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("AtomicOutcomes");
        assertEquals(14, run.result);
    }

    private static List<String> sync(String marker) {
        return run.at(marker, "volatileRead", "volatileWrite", "read", "write").stream()
                .filter(e -> !(e.kind().equals("read") && e.object() == 0)) // the static field holding the handle
                .map(Event::kind).toList();
    }

    /** A success: release then acquire of one location, the release numbered by a reservation made before it. */
    private static void assertReleasedThenAcquired(String marker) {
        assertEquals(List.of("volatileWrite", "volatileRead"), sync(marker), marker);
        Event release = run.single(marker, "volatileWrite");
        Event acquire = run.single(marker, "volatileRead");
        assertEquals(release.object(), acquire.object(), marker);
        assertEquals(release.slot(), acquire.slot(), marker);
        List<Event> events = run.output.events();
        int reservation = events.indexOf(new Event(release.thread(), "reserve", 0, 0, -1, release.flags()));
        assertTrue(release.flags() > 0 && reservation >= 0 && reservation < events.indexOf(release),
                marker + ": the release carries a number reserved before it: " + release);
    }

    private static void assertOnlyAcquired(String marker) {
        assertEquals(List.of("volatileRead"), sync(marker), marker);
    }

    @Test
    void atomicIntegerLongAndReferenceReleaseOnlyWhenTheirCompareAndSetSucceeds() {
        assertReleasedThenAcquired("@int cas succeeds");
        assertOnlyAcquired("@int cas fails");
        assertOnlyAcquired("@int weak fails");
        assertReleasedThenAcquired("@long cas succeeds");
        assertOnlyAcquired("@long cas fails");
        assertReleasedThenAcquired("@reference cas succeeds");
        assertOnlyAcquired("@reference cas fails");
        assertEquals(run.single("@int cas succeeds", "volatileWrite").object(),
                run.single("@int cas fails", "volatileRead").object());
    }

    @Test
    void compareAndExchangeSucceedsWhenTheWitnessIsTheExpectedValue() {
        assertReleasedThenAcquired("@int exchange succeeds");
        assertOnlyAcquired("@int exchange fails");
        assertReleasedThenAcquired("@reference exchange succeeds");
    }

    @Test
    void aReleaseOnlyExchangeRecordsNothingWhenItFails() {
        assertEquals(List.of("volatileWrite"), sync("@int release exchange succeeds"));
        assertEquals(List.of(), sync("@int release exchange fails"));
    }

    @Test
    void atomicArrayElementReleasesOnlyOnSuccess() {
        assertReleasedThenAcquired("@element cas succeeds");
        assertOnlyAcquired("@element cas fails");
        assertEquals(2, run.single("@element cas fails", "volatileRead").slot());
    }

    @Test
    void fieldUpdaterReleasesTheFieldOnlyOnSuccess() {
        assertReleasedThenAcquired("@updater cas succeeds");
        assertOnlyAcquired("@updater cas fails");
        assertEquals("version", run.output.field(run.single("@updater cas fails", "volatileRead")).name());
    }

    @Test
    void varHandleCompareAndSetAndCompareAndExchangeReleaseOnlyOnSuccess() {
        assertReleasedThenAcquired("@handle cas succeeds");
        assertOnlyAcquired("@handle cas fails");
        assertReleasedThenAcquired("@handle exchange succeeds");
        assertOnlyAcquired("@handle exchange fails");
        assertReleasedThenAcquired("@handle reference exchange succeeds");
        assertOnlyAcquired("@handle reference exchange fails");
        assertOnlyAcquired("@handle acquire exchange fails");
        assertEquals("state", run.output.field(run.single("@handle cas fails", "volatileRead")).name());
    }

    @Test
    void aVarHandleCompareAndSetWhoseResultIsDroppedStillKnowsItsOutcome() {
        assertReleasedThenAcquired("@handle dropped cas succeeds");
        assertOnlyAcquired("@handle dropped cas fails");
    }

    /** Its witness is dropped, so the outcome is unknown: released before, as any write (never too little). */
    @Test
    void aCompareAndExchangeWhoseWitnessIsDroppedReleasesBeforeTheCall() {
        assertEquals(List.of("volatileWrite", "volatileRead"), sync("@handle dropped exchange"));
        assertEquals(0, run.single("@handle dropped exchange", "volatileWrite").flags());
    }

    @Test
    void stampedAndMarkableReferencesReleaseOnlyOnSuccess() {
        assertReleasedThenAcquired("@stamped cas succeeds");
        assertOnlyAcquired("@stamped cas fails");
        assertOnlyAcquired("@stamped attempt fails");
        assertReleasedThenAcquired("@marked attempt succeeds");
    }
}
