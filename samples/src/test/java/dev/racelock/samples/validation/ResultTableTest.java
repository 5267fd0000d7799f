package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.FindingType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

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
                canned.cycle(FindingType.DEADLOCK, "T.B", 21, "T.A", 29)));
        assertEquals("none", FindingText.describeAll(List.of()));
    }

    private static final SampleSource ATOMIC_TWIN = ExpectationParser.parse("dev.racelock.samples.norace.AtomicCounter",
            "AtomicCounter.java", List.of("// requires atomics", "// expect none"));

    @Test
    void judgesAnExactRunPass() {
        ResultRow row = ResultRow.judge(ATOMIC_TWIN, List.of(), Set.of(Capability.ATOMICS));
        assertEquals(new ResultRow("norace/AtomicCounter", "none", "none", Verdict.PASS, ""), row);
    }

    @Test
    void judgesAnInexactRunFailWithItsProblems() {
        CannedFindings canned = new CannedFindings("dev.racelock.samples.norace.AtomicCounter", "AtomicCounter.java");
        ResultRow row = ResultRow.judge(ATOMIC_TWIN, List.of(canned.race(
                canned.access(AccessKind.WRITE, "AtomicCounter.hits", 9), canned.access(AccessKind.READ, "AtomicCounter.hits", 9))),
                Set.of(Capability.ATOMICS));
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals("unexpected race AtomicCounter.hits (write:9, read:9)", row.note());
    }

    @Test
    void judgesASampleNeedingAMissingCapabilityPendingWhateverItFound() {
        assertEquals("requires atomics (already exact)", ResultRow.judge(ATOMIC_TWIN, List.of(), Set.of()).note());
        CannedFindings canned = new CannedFindings("dev.racelock.samples.norace.AtomicCounter", "AtomicCounter.java");
        ResultRow row = ResultRow.judge(ATOMIC_TWIN, List.of(canned.race(
                canned.access(AccessKind.WRITE, "AtomicCounter.hits", 9), canned.access(AccessKind.READ, "AtomicCounter.hits", 9))),
                Set.of());
        assertEquals(Verdict.PENDING, row.verdict());
        assertEquals("requires atomics", row.note());
    }
}
