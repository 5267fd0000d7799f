package dev.racelock.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --baseline, --write-baseline and --suppress as the commands apply them. */
class GateOptionsTest extends CannedAnalysisTest {

    @Test
    void baselineRoundTripFailsOnlyOnNewFindings() throws Exception {
        Path baseline = dir.resolve("racelock-baseline.json");
        cli.returning(Findings.result(Findings.race("Counter", "hits"), Findings.deadlock("Bank")));

        CliHarness.Outcome written = cli.run("analyze", "--write-baseline", baseline.toString(), trace.toString());
        assertEquals(ExitCodes.CLEAN, written.exitCode(), written.err());
        assertTrue(written.err().contains("racelock: wrote 2 fingerprints to baseline " + baseline), written.err());
        assertTrue(Files.readString(baseline).contains("\"fingerprint\": \"data-race:com.acme.Counter.hits\""));

        CliHarness.Outcome same = cli.run("analyze", "--baseline", baseline.toString(), trace.toString());
        assertEquals(ExitCodes.CLEAN, same.exitCode(), same.err());
        assertTrue(same.out().contains("DATA RACE on Counter.hits"), "baselined findings are still reported");
        assertTrue(same.err().contains("[2 in the baseline]; none fails the run (exit 0)"), same.err());

        cli.returning(Findings.result(Findings.race("Counter", "hits"), Findings.deadlock("Bank"),
                Findings.race("Cache", "size")));
        CliHarness.Outcome added = cli.run("analyze", "--baseline", baseline.toString(), trace.toString());
        assertEquals(ExitCodes.FINDINGS, added.exitCode());
        assertTrue(added.err().contains("[2 in the baseline]; 1 fails the run (exit 1)"), added.err());
    }

    @Test
    void unreadableBaselineIsAConfigurationError() throws Exception {
        Path baseline = Files.writeString(dir.resolve("b.json"), "not json");
        CliHarness.Outcome o = cli.run("analyze", "--baseline", baseline.toString(), trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: baseline " + baseline + " is not a racelock baseline: unexpected character 'n' "
                + "at line 1\n", o.err());
        assertTrue(cli.analyzed.isEmpty());
    }

    @Test
    void unwritableBaselineIsAConfigurationError() {
        Path nowhere = dir.resolve("missing").resolve("b.json");
        CliHarness.Outcome o = cli.run("analyze", "--write-baseline", nowhere.toString(), trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().startsWith("racelock: cannot write baseline " + nowhere), o.err());
    }

    @Test
    void matchingSuppressionRemovesTheFinding() throws Exception {
        Path rules = Files.writeString(dir.resolve("racelock-suppressions.txt"), """
                # statistics counters may lose updates
                data-race class=com.acme.Counter field=hits reason=approximate by design
                """);
        cli.returning(Findings.result(Findings.race("Counter", "hits"), Findings.deadlock("Bank")));
        CliHarness.Outcome o = cli.run("analyze", "--fail-on", "race", "--suppress", rules.toString(),
                trace.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        assertFalse(o.out().contains("Counter.hits"), o.out());
        assertTrue(o.out().contains("[text] warning: 1 finding was suppressed (--suppress)"), o.out());
        assertTrue(o.err().contains("[1 suppressed]"), o.err());
    }

    @Test
    void suppressionRuleWithoutReasonIsAConfigurationErrorNamingTheLine() throws Exception {
        Path rules = Files.writeString(dir.resolve("s.txt"), "# header\ndata-race field=hits\n");
        CliHarness.Outcome o = cli.run("analyze", "--suppress", rules.toString(), trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: " + rules + ":2: suppression has no reason (add reason=<why this is acceptable>)\n",
                o.err());
    }
}
