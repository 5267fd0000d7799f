package dev.racelock.trace.std;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StdTraceWriterTest {

    /** A field, an element, a volatile location and a hand-off token, each touched twice. */
    private static List<String> export(boolean extensions) {
        StringBuilder out = new StringBuilder();
        StdTraceWriter std = new StdTraceWriter(out, null, extensions);
        std.write(0, 100, 1, 1);
        std.arrayWrite(0, 200, 3, 2);
        std.volatileWrite(0, 100, 2, 3);
        std.hbRelease(0, 7, 4);
        std.hbAcquire(1, 7, 5);
        std.volatileRead(1, 100, 2, 6);
        std.arrayRead(1, 200, 3, 7);
        std.read(1, 100, 1, 8);
        return out.toString().lines().toList();
    }

    @Test
    void elementsAreVariablesAndVolatilesAndHandOffsAreLocksOfTheirOwn() {
        assertEquals(List.of(
                "T0|w(V0)|1",
                "T0|w(V1)|2",
                "T0|acq(L0)|3",
                "T0|rel(L0)|3",
                "T0|acq(L1)|4",
                "T0|rel(L1)|4",
                "T1|acq(L1)|5",
                "T1|rel(L1)|5",
                "T1|acq(L0)|6",
                "T1|rel(L0)|6",
                "T1|r(V1)|7",
                "T1|r(V0)|8"), export(false));
    }

    @Test
    void extensionsWriteVolatilesAsVariablesAndHandOffsUnderTheirOwnNames() {
        assertEquals(List.of(
                "T0|w(V0)|1",
                "T0|w(V1)|2",
                "T0|vw(V2)|3",
                "T0|hbr(H0)|4",
                "T1|hba(H0)|5",
                "T1|vr(V2)|6",
                "T1|r(V1)|7",
                "T1|r(V0)|8"), export(true));
    }
}
