package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** System.arraycopy and Arrays.fill record the ranges they read and write, once they succeeded. */
class JucRangesTest {
    private static JucFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new JucFixtureRun("Ranges");
        assertEquals(-1 + 9 + 4 + 7, run.result);
    }

    @Test
    void arraycopyReadsTheSourceRangeAndWritesTheTargetRange() {
        Event read = run.single("@copy", "arrayRangeRead");
        Event write = run.single("@copy", "arrayRangeWrite");
        assertEquals(List.of(1, 3), List.of(read.slot(), read.flags()), "from 1, length 3");
        assertEquals(List.of(2, 3), List.of(write.slot(), write.flags()), "from 2, length 3");
        assertNotEquals(read.object(), write.object());
    }

    @Test
    void fillWritesTheWholeArrayOrTheGivenRange() {
        Event all = run.single("@fill all", "arrayRangeWrite");
        assertEquals(List.of(0, 6), List.of(all.slot(), all.flags()));
        Event range = run.single("@fill range", "arrayRangeWrite");
        assertEquals(List.of(1, 2), List.of(range.slot(), range.flags()));
        assertEquals(run.single("@copy", "arrayRangeWrite").object(), range.object());
    }

    @Test
    void aCopyThatThrowsRecordsNothing() {
        assertEquals(List.of(), run.at("@bad copy", "arrayRangeRead", "arrayRangeWrite"));
    }
}
