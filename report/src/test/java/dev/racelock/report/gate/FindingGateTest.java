package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType.Category;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingGateTest {

    private final Finding race = GateFindings.race("com.acme.Counter", "hits", "increment", "com.acme.Main.run");
    private final Finding deadlock = GateFindings.deadlock("com.acme.Bank", "transfer");
    private final EnumSet<Category> both = EnumSet.allOf(Category.class);

    @Test
    void everyFindingFailsWithoutBaselineOrSuppressions() {
        GateVerdict v = new FindingGate(Baseline.EMPTY, Suppressions.NONE, both).apply(List.of(race, deadlock));
        assertEquals(List.of(race, deadlock), v.reported());
        assertEquals(List.of(race, deadlock), v.failing());
        assertTrue(v.fails());
    }

    @Test
    void baselinedFindingsAreReportedButDoNotFail() {
        GateVerdict v = new FindingGate(Baseline.ofFindings(List.of(race)), Suppressions.NONE, both)
                .apply(List.of(race, deadlock));
        assertEquals(List.of(race, deadlock), v.reported());
        assertEquals(List.of(deadlock), v.failing());
        assertEquals(1, v.baselined());
    }

    @Test
    void suppressedFindingsAreNeitherReportedNorFailing() throws Exception {
        Suppressions s = SuppressionFile.parse("s", List.of("data-race field=hits reason=approximate counter"));
        GateVerdict v = new FindingGate(Baseline.EMPTY, s, both).apply(List.of(race, deadlock));
        assertEquals(List.of(deadlock), v.reported());
        assertEquals(race, v.suppressed().get(0).finding());
        assertEquals("approximate counter", v.suppressed().get(0).rule().reason());
    }

    @Test
    void onlyTheFailOnCategoriesFail() {
        GateVerdict v = new FindingGate(Baseline.EMPTY, Suppressions.NONE, EnumSet.of(Category.DEADLOCK))
                .apply(List.of(race, deadlock));
        assertEquals(List.of(deadlock), v.failing());
        GateVerdict none = new FindingGate(Baseline.EMPTY, Suppressions.NONE, EnumSet.noneOf(Category.class))
                .apply(List.of(race, deadlock));
        assertFalse(none.fails());
    }
}
