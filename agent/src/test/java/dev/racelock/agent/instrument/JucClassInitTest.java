package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The end of {@code <clinit>} releases the class's token; each thread's first static access acquires it. */
class JucClassInitTest {
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("ClassInit");
        assertEquals(126, run.result);
    }

    @Test
    void clinitEndReleasesAndEveryThreadsFirstUseAcquiresTheSameToken() {
        List<Event> releases = run.output.ofKind("hbRelease").stream()
                .filter(e -> run.output.methodOf(e).equals("<clinit>")).toList();
        assertEquals(1, releases.size(), run.output.events().toString());
        long token = releases.get(0).object();
        Event mainUse = run.single("@main use", "hbAcquire");
        Event readerUse = run.single("@reader use", "hbAcquire");
        assertEquals(token, mainUse.object());
        assertEquals(token, readerUse.object());
        assertTrue(readerUse.thread() != mainUse.thread());
        assertEquals(List.of(), run.at("@main again", "hbAcquire"), "a thread acquires a class once");
    }

    @Test
    void theAcquirePrecedesTheThreadsFirstAccess() {
        List<Event> events = run.output.events();
        Event readerUse = run.single("@reader use", "hbAcquire");
        Event readerRead = run.single("@reader use", "read");
        assertTrue(events.indexOf(readerUse) < events.indexOf(readerRead));
        Event release = run.output.ofKind("hbRelease").get(0);
        Event write = run.single("@clinit write", "write");
        assertTrue(events.indexOf(write) < events.indexOf(release));
        assertTrue(events.indexOf(release) < events.indexOf(run.single("@main use", "hbAcquire")));
    }
}
