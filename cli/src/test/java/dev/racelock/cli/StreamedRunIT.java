package dev.racelock.cli;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.cli.fixture.Deadlocking;
import dev.racelock.cli.fixture.HaltsWhileRecording;
import dev.racelock.cli.fixture.RacyCounter;
import dev.racelock.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run} without {@code --keep-traces}: the real agent sends each JVM's trace to racelock
 * over a loopback port and the real analyzer reads it as it comes, with nothing written to disk.
 */
class StreamedRunIT {

    @TempDir
    Path dir;

    /** What reached the renderer: the findings of the run. */
    private final AtomicReference<AnalysisResult> reported = new AtomicReference<>();
    /** Trace files the run gave the analyzer: none when it streams. */
    private final List<Path> files = new ArrayList<>();

    private CliServices realServices() {
        Path agent = Path.of(System.getProperty("racelock.test.agent", "target/agent/racelock-agent.jar"));
        AnalysisService analyzer = AnalysisService.analyzer();
        AnalysisService recording = new AnalysisService() {
            @Override
            public AnalysisResult analyze(List<Path> traces, dev.racelock.trace.ReadProgress progress)
                    throws java.io.IOException {
                files.addAll(traces);
                return analyzer.analyze(traces, progress);
            }

            @Override
            public StreamedTraces listen(dev.racelock.analyzer.AnalysisSet analyses) throws java.io.IOException {
                return analyzer.listen(analyses);
            }
        };
        CliServices s = Services.withTarget(Services.withAnalysis(Services.withAgentJar(CliServices.production(),
                agent), recording), new TargetLauncher(Map.of(), dir.resolve("target.log")));
        return Services.withRenderer(s, (result, format, options, out) -> {
            reported.set(result);
            Reports.render(result, format, options, out);
        });
    }

    private CliHarness.Outcome run(List<String> options, Class<?> program) {
        List<String> args = new ArrayList<>(List.of("run", "--include", "dev.racelock.cli.fixture.**"));
        args.addAll(options);
        args.add("--");
        args.addAll(TestPrograms.java(program));
        return CliHarness.run(realServices(), args.toArray(String[]::new));
    }

    /** Type, fingerprint and where: what a finding is, whatever the interleaving counted. */
    private static List<String> identities(AnalysisResult result) {
        return result.findings().stream().map(f -> f.type() + " " + f.fingerprint() + " " + f.location()).toList();
    }

    @Test
    void aStreamedRunFindsWhatAnalyzingTheKeptTraceFindsAndWritesNoTrace() throws Exception {
        CliHarness.Outcome streamed = run(List.of(), RacyCounter.class);

        assertEquals(ExitCodes.FINDINGS, streamed.exitCode(), streamed.err());
        assertEquals(List.of(), files, "a streamed run analyzes no file");
        String targetLog = Files.readString(dir.resolve("target.log"));
        assertTrue(targetLog.contains("racelock: recording to racelock run (loopback port "), targetLog);
        AnalysisResult fromStream = reported.get();
        assertEquals(1, fromStream.findings().size(), fromStream.findings().toString());
        Finding race = fromStream.findings().get(0);
        assertEquals(FindingType.DATA_RACE, race.type());
        assertEquals("hits", race.location().field());
        assertTrue(fromStream.traces().get(0).matches("JVM pid \\d+ \\(streamed\\)"), fromStream.traces().toString());
        assertEquals(List.of(), fromStream.warnings());

        Path kept = dir.resolve("kept");
        CliHarness.Outcome fromFiles = run(List.of("--keep-traces", kept.toString()), RacyCounter.class);

        assertEquals(ExitCodes.FINDINGS, fromFiles.exitCode(), fromFiles.err());
        assertEquals(1, files.size(), files.toString());
        assertEquals(identities(fromStream), identities(reported.get()));
    }

    @Test
    void aTargetThatDeadlocksMidStreamIsEndedAndItsDeadlockReported() {
        CliHarness.Outcome o = run(List.of(), Deadlocking.class);

        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertTrue(o.err().contains("racelock: target exited with code 86 (the agent's code for an observed deadlock"),
                o.err());
        List<FindingType> types = reported.get().findings().stream().map(Finding::type).toList();
        assertTrue(types.contains(FindingType.OBSERVED_DEADLOCK), types.toString());
        assertTrue(o.out().contains("Deadlocking.java:30"), o.out());
        assertEquals(List.of(), files);
    }

    @Test
    void aTargetThatHaltsMidStreamIsAnalyzedUpToWhereItsTraceWasCut() {
        CliHarness.Outcome o = run(List.of(), HaltsWhileRecording.class);

        assertTrue(o.err().contains("racelock: target exited with code " + HaltsWhileRecording.EXIT_CODE), o.err());
        // Whether the race was drained before the halt depends on the writer's interval: either
        // it is reported (1), or the failed target decides (6); the cut is said either way.
        assertTrue(o.exitCode() == ExitCodes.FINDINGS || o.exitCode() == ExitCodes.TARGET_FAILED, o.err());
        List<String> warnings = reported.get().warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("trace truncated at byte "), warnings.toString());
    }
}
