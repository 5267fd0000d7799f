package dev.racelock.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {

    private final CliHarness cli = new CliHarness();

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "analyze", "convert", "demo"})
    void everyHelpListsTheExitCodes(String command) {
        CliHarness.Outcome o = command.isEmpty() ? cli.run("--help") : cli.run(command, "--help");
        assertEquals(ExitCodes.CLEAN, o.exitCode());
        assertTrue(o.out().contains("Exit codes:"), o.out());
        assertTrue(o.out().contains("  2   usage or configuration error"), o.out());
        assertTrue(o.out().contains("  5   racelock failed (a bug, or out of memory)"), o.out());
    }

    @Test
    void runHelpListsTheTargetCode() {
        String help = cli.run("run", "--help").out();
        assertTrue(help.contains("  4   the target command could not be started"), help);
        assertTrue(help.contains("  1   failing findings"), help);
        assertTrue(help.contains("  6   the target exited with a non-zero code"), help);
    }

    @Test
    void versionComesFromTheBuild() {
        CliHarness.Outcome o = cli.run("--version");
        assertEquals(ExitCodes.CLEAN, o.exitCode());
        assertTrue(o.out().matches("(?s)racelock \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJVM: .*"), o.out());
    }

    @Test
    void demoWithoutItsSamplesSaysWhereItLookedAndHowToBuildThem() {
        String before = System.getProperty(DemoCommand.SAMPLES_PROPERTY);
        System.setProperty(DemoCommand.SAMPLES_PROPERTY, "/no/such/samples");
        try {
            CliHarness.Outcome o = cli.run("demo");
            assertEquals(ExitCodes.USAGE, o.exitCode());
            assertTrue(o.err().contains("cannot find the sample programs at /no/such/samples"), o.err());
            assertTrue(o.err().contains("-Dracelock.samples="), o.err());
        } finally {
            if (before == null) {
                System.clearProperty(DemoCommand.SAMPLES_PROPERTY);
            } else {
                System.setProperty(DemoCommand.SAMPLES_PROPERTY, before);
            }
        }
    }
}
