package dev.racelock.cli;

import dev.racelock.report.Reports;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * racelock's main with a canned, clean analysis, for tests that need racelock as a process of
 * its own: {@code CannedRacelock <agent jar> <racelock arguments...>}.
 */
public final class CannedRacelock {

    private CannedRacelock() {}

    public static void main(String[] args) {
        CliServices services = Services.withRenderer(Services.withAnalysis(
                Services.withAgentJar(CliServices.production(), Path.of(args[0])),
                (traces, progress) -> Findings.result()), Reports::render);
        System.exit(Main.commandLine(services).execute(Arrays.copyOfRange(args, 1, args.length)));
    }
}
