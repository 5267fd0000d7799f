package dev.racelock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code racelock demo}: runs a few of the sample programs under {@code racelock run}, exactly as
 * a user would run their own program, and shows what racelock reports for each. The findings are
 * the expected outcome, so the demo exits 0 when every sample showed its bug.
 */
@Command(name = "demo",
        header = "Shows a race and a deadlock found in the samples.",
        description = {"Runs sample programs with known bugs under 'racelock run' and shows the reports: "
                + "a data race, a potential deadlock found in a run that did not hang, and a real deadlock "
                + "ended by the agent's watchdog.",
                "The samples come from samples/target/classes of a source checkout (built by ./racelock on "
                + "first use), or from the directory or jar named by -Dracelock.samples."},
        exitCodeList = {"0:every sample showed its bug (the expected outcome)",
                "1:a sample did not show its bug (a racelock defect: please report it)",
                ExitCodes.USAGE_HELP, ExitCodes.INTERNAL_HELP})
final class DemoCommand extends StandardHelp implements Callable<Integer> {

    static final String SAMPLES_PROPERTY = "racelock.samples";

    /** One sample of the demo: what it shows, and its main class. */
    record DemoSample(String story, String mainClass) {}

    static final List<DemoSample> SAMPLES = List.of(
            new DemoSample("A lost update: two threads increment a plain int counter.",
                    "dev.racelock.samples.race.LostUpdate"),
            new DemoSample("A lock-order inversion: two threads take two monitors in opposite orders. "
                    + "This run does not hang, racelock predicts the deadlock anyway.",
                    "dev.racelock.samples.deadlock.TwoMonitorsOppositeOrder"),
            new DemoSample("A real deadlock: the agent's watchdog sees the blocked threads, records them and "
                    + "ends the program, so the run never hangs.",
                    "dev.racelock.samples.observed.RealDeadlock"));

    private final CliServices services;

    @Spec
    CommandSpec spec;

    DemoCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path samples = samplesLocation();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int missed = 0;
        for (int i = 0; i < SAMPLES.size(); i++) {
            DemoSample sample = SAMPLES.get(i);
            out.printf("%n### %d/%d  %s%n", i + 1, SAMPLES.size(), sample.story());
            out.printf("### ./racelock run -- java -cp %s %s%n%n", samples, sample.mainClass());
            out.flush();
            CommandLine run = Main.commandLine(services);
            run.setOut(out);
            run.setErr(err);
            int exit = run.execute("run", "--", java, "-cp", samples.toString(), sample.mainClass());
            out.flush();
            if (exit != ExitCodes.FINDINGS) {
                missed++;
                err.printf("racelock demo: expected a finding in %s, but racelock run exited with %d%n",
                        sample.mainClass(), exit);
                err.flush();
            }
        }
        out.printf("%nThat was racelock. To check your own program:%n"
                + "  ./racelock run -- java -cp your-app.jar com.acme.Main%n"
                + "  ./racelock run -- ./mvnw test          (every test JVM the build forks is recorded)%n"
                + "See docs/cli.md for reports (SARIF, JUnit XML, HTML), baselines and suppressions.%n");
        out.flush();
        return missed == 0 ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }

    private Path samplesLocation() {
        String property = System.getProperty(SAMPLES_PROPERTY);
        Path samples = property != null && !property.isBlank() ? Path.of(property) : besideCliJar();
        if (samples == null || !Files.exists(samples)) {
            throw CommandFailure.usage("cannot find the sample programs" + (samples == null ? "" : " at " + samples)
                    + "; build them (./mvnw -B -q -pl samples -am package -DskipTests) or name them with -D"
                    + SAMPLES_PROPERTY + "=<dir or jar>");
        }
        return samples;
    }

    /** cli/target/racelock.jar in a source checkout: the samples are samples/target/classes. */
    private static Path besideCliJar() {
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent() == null ? null
                    : jar.getParent().resolve("../../samples/target/classes").normalize();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
