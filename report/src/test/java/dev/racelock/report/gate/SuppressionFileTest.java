package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionFileTest {

    private final Finding counterRace = GateFindings.race("com.acme.Counter", "hits", "increment", "com.acme.Main.run");
    private final Finding bankDeadlock = GateFindings.deadlock("com.acme.Bank", "transfer");

    private static Suppressions parse(String... lines) throws GateConfigException {
        return SuppressionFile.parse("suppress.txt", List.of(lines));
    }

    @Test
    void ruleByTypeClassAndFieldMatchesTheRace() throws Exception {
        Suppressions s = parse("data-race class=com.acme.Counter field=hits reason=statistics only");
        SuppressionRule rule = s.ruleFor(counterRace).orElseThrow();
        assertEquals("statistics only", rule.reason());
        assertEquals("suppress.txt:1", rule.where());
        assertTrue(s.ruleFor(bankDeadlock).isEmpty());
    }

    @Test
    void classMatchesTheSimpleNameAndGlobs() throws Exception {
        assertTrue(parse("* class=Counter reason=r").ruleFor(counterRace).isPresent());
        assertTrue(parse("* class=com.acme.* reason=r").ruleFor(bankDeadlock).isPresent());
        assertFalse(parse("* class=com.other.* reason=r").ruleFor(counterRace).isPresent());
    }

    @Test
    void everyMatcherMustMatch() throws Exception {
        assertFalse(parse("data-race class=com.acme.Counter field=misses reason=r").ruleFor(counterRace).isPresent());
        assertFalse(parse("deadlock class=com.acme.Counter reason=r").ruleFor(counterRace).isPresent());
    }

    @Test
    void methodMatchesAnyFrameOfTheStack() throws Exception {
        assertTrue(parse("data-race method=com.acme.Main.* reason=r").ruleFor(counterRace).isPresent());
        assertTrue(parse("deadlock method=*.Bank.transfer reason=r").ruleFor(bankDeadlock).isPresent());
    }

    @Test
    void fingerprintMatchesExactly() throws Exception {
        assertTrue(parse("* fingerprint=race:com.acme.Counter.hits reason=r").ruleFor(counterRace).isPresent());
        assertFalse(parse("* fingerprint=race:com.acme.Counter reason=r").ruleFor(counterRace).isPresent());
    }

    @Test
    void reasonRunsToTheEndOfTheLineAndCommentsAndBlankLinesAreSkipped() throws Exception {
        Suppressions s = parse("# accepted races", "", "  data-race field=hits reason=counter is approximate; class=X is fine  ");
        assertEquals(1, s.rules().size());
        assertEquals("counter is approximate; class=X is fine", s.rules().get(0).reason());
        assertEquals(3, s.rules().get(0).line());
    }

    @Test
    void ruleWithoutReasonIsAnErrorNamingTheLine() {
        GateConfigException e = assertThrows(GateConfigException.class,
                () -> parse("# header", "data-race class=com.acme.Counter"));
        assertEquals("suppress.txt:2: suppression has no reason (add reason=<why this is acceptable>)", e.getMessage());
    }

    @Test
    void theTypeIsReadInAnyCase() throws Exception {
        assertTrue(parse("Data-Race field=hits reason=r").ruleFor(counterRace).isPresent());
    }

    @Test
    void emptyReasonIsAnError() {
        GateConfigException e = assertThrows(GateConfigException.class, () -> parse("data-race field=x reason=   "));
        assertEquals("suppress.txt:1: suppression has an empty reason", e.getMessage());
    }

    @Test
    void unknownTypeAndKeyAreErrorsNamingTheLine() {
        GateConfigException type = assertThrows(GateConfigException.class, () -> parse("race field=x reason=r"));
        assertEquals("suppress.txt:1: unknown finding type 'race' (expected data-race, deadlock, observed-deadlock,"
                + " predicted-race, predicted-deadlock or *)", type.getMessage());
        GateConfigException key = assertThrows(GateConfigException.class, () -> parse("deadlock lock=x reason=r"));
        assertTrue(key.getMessage().startsWith("suppress.txt:1: unknown key 'lock'"), key.getMessage());
        GateConfigException noType = assertThrows(GateConfigException.class, () -> parse("class=A reason=r"));
        assertTrue(noType.getMessage().startsWith("suppress.txt:1: a rule starts with the finding type"));
    }
}
