package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.AccessKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultTableTest {

    @Test
    void rendersOneAlignedRowPerSampleAndACountPerVerdict() {
        List<ResultRow> rows = List.of(
                new ResultRow("race/LostUpdate", "race LostUpdate.hits (read/write:16)", "race LostUpdate.hits (write:16, read:16)", Verdict.PASS, ""),
                new ResultRow("norace/AtomicCounter", "none", "none", Verdict.PENDING, "requires atomics"));
        assertEquals("""
                sample               | expected                             | found                                    | verdict
                ---------------------+--------------------------------------+------------------------------------------+--------
                race/LostUpdate      | race LostUpdate.hits (read/write:16) | race LostUpdate.hits (write:16, read:16) | PASS
                norace/AtomicCounter | none                                 | none                                     | PENDING: requires atomics
                2 samples: 1 PASS, 0 FAIL, 1 PENDING, 0 ERROR
                """, ResultTable.render(rows));
    }

    @Test
    void describesFoundFindingsLikeExpectations() {
        CannedFindings canned = new CannedFindings("dev.racelock.samples.race.LostUpdate", "LostUpdate.java");
        assertEquals("race LostUpdate.hits (write:16, read:16)", FindingText.describe(canned.race(
                canned.access(AccessKind.WRITE, "LostUpdate.hits", 16), canned.access(AccessKind.READ, "LostUpdate.hits", 16))));
        assertEquals("deadlock {T.B, T.A} (21, 29)", FindingText.describe(
                canned.cycle(dev.racelock.analyzer.finding.FindingType.DEADLOCK, "T.B", 21, "T.A", 29)));
        assertEquals("none", FindingText.describeAll(List.of()));
    }
}
