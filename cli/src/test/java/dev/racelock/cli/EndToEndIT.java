package dev.racelock.cli;

import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.cli.fixture.Deadlocking;
import dev.racelock.cli.fixture.PoolTaskRace;
import dev.racelock.cli.fixture.RacyCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run} with the real agent (target/agent/racelock-agent.jar, copied by the dependency
 * plugin), the real analyzer and the real renderers.
 */
class EndToEndIT {

    @TempDir
    Path dir;

    private final AtomicReference<AnalysisResult> analyzed = new AtomicReference<>();
    private final List<Path> traces = new ArrayList<>();

    /** Temporary trace directories are kept after findings; a test removes the ones it caused. */
    @AfterEach
    void removeKeptTraces() throws Exception {
        for (Path trace : traces) {
            Path parent = trace.getParent();
            if (parent.getFileName().toString().startsWith("racelock-run-") && Files.isDirectory(parent)) {
                TestPrograms.deleteTree(parent);
            }
        }
    }

    private CliServices realServices() {
        Path agent = Path.of(System.getProperty("racelock.test.agent", "target/agent/racelock-agent.jar"));
        AnalysisService recordingAnalyzer = (given, progress) -> {
            traces.addAll(given);
            AnalysisResult result = Analyzer.analyze(given, progress);
            analyzed.set(result);
            return result;
        };
        return Services.withTarget(Services.withAnalysis(Services.withAgentJar(CliServices.production(), agent),
                recordingAnalyzer), new TargetLauncher(Map.of(), dir.resolve("target.log")));
    }

    @Test
    void runReportsExactlyTheRaceOfARacyProgram() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--include", "dev.racelock.cli.fixture.**",
                "--format", "json", "-o", dir.resolve("racelock.json").toString(), "--"));
        args.addAll(TestPrograms.java(RacyCounter.class));

        CliHarness.Outcome o = CliHarness.run(realServices(), args.toArray(String[]::new));

        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertTrue(o.err().contains("racelock: target exited with code 0"), o.err());
        List<Finding> findings = analyzed.get().findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(FindingType.DATA_RACE, findings.get(0).type());
        assertEquals("hits", findings.get(0).location().field(), findings.toString());
        assertTrue(findings.get(0).location().className().endsWith("RacyCounter"), findings.toString());
        assertTrue(Files.readString(dir.resolve("racelock.json")).contains("\"findings\""));
    }

    /**
     * The text report says where a stack stops at code racelock does not record: below the pool's
     * task, which the JDK's worker called, and nowhere else (the lambda's stack reaches its thread's entry).
     */
    @Test
    void theTextReportSaysWhereAStackIsCutAndOnlyThere() throws Exception {
        Path report = dir.resolve("racelock.txt");
        List<String> args = new ArrayList<>(List.of("run", "--include", "dev.racelock.cli.fixture.**",
                "-o", report.toString(), "--"));
        args.addAll(TestPrograms.java(PoolTaskRace.class));

        CliHarness.Outcome o = CliHarness.run(realServices(), args.toArray(String[]::new));

        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        String text = Files.readString(report);
        String cut = "    ... called from code racelock does not record (excluded or JDK)\n";
        assertEquals(1, text.split(java.util.regex.Pattern.quote(cut), -1).length - 1, text);
        assertTrue(text.contains("    dev.racelock.cli.fixture.PoolTaskRace$Reaper.run(PoolTaskRace.java:21)\n" + cut), text);
        assertTrue(text.contains("DATA RACE on PoolTaskRace.total"), text);
    }

    @Test
    void runOfMavenTestRecordsTheForkedTestJvm() throws Exception {
        Path project = copyProject("it-forked-test");
        Path mvnw = Path.of("").toAbsolutePath().getParent().resolve("mvnw");
        CliHarness.Outcome o = CliHarness.run(realServices(), "run", "--include", "com.example.**", "--",
                mvnw.toString(), "-B", "-q", "-f", project.resolve("pom.xml").toString(), "test");

        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertTrue(traces.size() >= 2, "Maven's JVM and the forked test JVM: " + traces);
        List<Finding> findings = analyzed.get().findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(MemoryLocation.field("com.example.tally.Tally", "count"), findings.get(0).location(), findings.toString());
    }

    @Test
    void deadlockedProgramIsEndedByTheAgentAndItsDeadlockReported() {
        List<String> args = new ArrayList<>(List.of("run", "--include", "dev.racelock.cli.fixture.**", "--"));
        args.addAll(TestPrograms.java(Deadlocking.class));

        CliHarness.Outcome o = CliHarness.run(realServices(), args.toArray(String[]::new));

        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertTrue(o.err().contains("racelock: target exited with code 86 (the agent's code for an observed deadlock"),
                o.err());
        List<FindingType> types = analyzed.get().findings().stream().map(Finding::type).toList();
        assertTrue(types.contains(FindingType.OBSERVED_DEADLOCK), types.toString());
        assertTrue(o.out().contains("Deadlocking.java:30"), o.out());
    }

    private Path copyProject(String name) throws IOException {
        Path source = TestPrograms.testClasses().resolve(name);
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path copy = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        return target;
    }
}
