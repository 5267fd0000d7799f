package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.trace.FieldInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atomics, field updaters and VarHandles are recorded as volatile accesses of the right location. */
class JucAtomicsTest {
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("Atomics");
        assertEquals(25, run.result);
    }

    /** The accesses at a marked line, without the reads of the static fields holding the handles. */
    private static List<String> sync(String marker) {
        return accesses(marker).stream().map(Event::kind).toList();
    }

    private static List<Event> accesses(String marker) {
        return run.at(marker, "volatileRead", "volatileWrite", "read", "write", "arrayRead", "arrayWrite").stream()
                .filter(e -> !(e.kind().equals("read") && e.object() == 0)).toList();
    }

    @Test
    void atomicReadsAcquireWritesReleaseAndReadModifyWritesDoBothInThatOrder() {
        assertEquals(List.of("volatileWrite"), sync("@atomic set"));
        assertEquals(List.of("volatileRead"), sync("@atomic get"));
        assertEquals(List.of("volatileWrite", "volatileRead"), sync("@atomic increment"));
        assertEquals(List.of("volatileWrite", "volatileRead"), sync("@atomic cas"));
        assertEquals(List.of(), sync("@atomic plain"));
        assertEquals(run.single("@atomic set", "volatileWrite").object(),
                run.single("@atomic get", "volatileRead").object());
    }

    @Test
    void aLeafMethodWhoseOnlyOperationIsAnAtomicCallIsStillInstrumented() {
        assertEquals(List.of("volatileWrite", "volatileRead"), sync("@leaf atomic"));
    }

    @Test
    void atomicArrayElementsAreLocationsOfTheirOwn() {
        Event set = run.single("@array set", "volatileWrite");
        assertEquals(2, set.slot());
        assertEquals(List.of("volatileWrite", "volatileRead"), sync("@array rmw"));
        assertEquals(3, run.single("@array rmw", "volatileRead").slot());
        assertEquals(set.object(), run.single("@array rmw", "volatileRead").object());
    }

    @Test
    void adderUpdatesReleaseAndSumsAcquire() {
        assertEquals(List.of("volatileWrite"), sync("@adder add"));
        assertEquals(List.of("volatileRead"), sync("@adder sum"));
    }

    @Test
    void fieldUpdaterAndVarHandleNameTheFieldTheyUpdate() {
        Event direct = run.single("@direct volatile read", "volatileRead");
        FieldInfo counter = run.output.field(direct);
        assertEquals("counter", counter.name());
        for (String marker : List.of("@updater rmw", "@handle cas")) {
            assertEquals(List.of("volatileWrite", "volatileRead"), sync(marker));
            for (Event e : run.at(marker, "volatileWrite", "volatileRead")) {
                assertEquals(direct.object(), e.object(), marker);
                assertEquals(direct.slot(), e.slot(), marker);
            }
        }
        assertEquals(List.of("volatileRead"), sync("@handle acquire"));
    }

    @Test
    void plainVarHandleModesArePlainAccessesOfTheField() {
        List<Event> writes = accesses("@handle plain set");
        List<Event> reads = accesses("@handle plain get");
        assertEquals(List.of("write"), writes.stream().map(Event::kind).toList());
        assertEquals(List.of("read"), reads.stream().map(Event::kind).toList());
        Event write = writes.get(0);
        Event read = reads.get(0);
        assertEquals("plain", run.output.field(write).name());
        assertEquals(write.object(), read.object());
        assertEquals(write.slot(), read.slot());
    }

    @Test
    void staticAndArrayElementHandlesNameTheStaticFieldAndTheElement() {
        Event total = run.single("@static handle", "volatileWrite");
        assertEquals(0, total.object());
        assertEquals("total", run.output.field(total).name());
        Event release = run.single("@element release", "volatileWrite");
        Event acquire = run.single("@element volatile", "volatileRead");
        assertEquals(1, release.slot());
        assertEquals(release.object(), acquire.object());
        assertEquals(1, acquire.slot());
        assertTrue(release.object() != 0);
    }
}
