package dev.racelock.cli;

import dev.racelock.cli.fixture.ExitWith;
import dev.racelock.report.progress.MoreHeap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run} with a real child JVM and a fake agent that only writes a placeholder trace. */
class RunCommandTest {

    @TempDir
    Path dir;
    final CliHarness cli = new CliHarness();

    Path targetLog;

    @BeforeEach
    void fakeAgent() throws Exception {
        targetLog = dir.resolve("target.log");
        cli.withAgent(TestPrograms.fakeAgentJar(dir)).withTarget(Map.of(), targetLog);
    }

    /** Temporary trace directories are kept after findings; a test removes the ones it caused. */
    @AfterEach
    void removeKeptTraces() throws Exception {
        for (Path trace : cli.analyzed.stream().flatMap(List::stream).toList()) {
            Path parent = trace.getParent();
            if (parent.getFileName().toString().startsWith("racelock-run-") && Files.isDirectory(parent)) {
                TestPrograms.deleteTree(parent);
            }
        }
    }

    private CliHarness.Outcome run(List<String> options, List<String> command) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(options);
        args.add("--");
        args.addAll(command);
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void theOperatingSystemsReasonIsTakenFromTheMessageOfEveryJdk() {
        assertEquals("No such file or directory", TargetLauncher.reason(new java.io.IOException(
                "Cannot run program \"x\": error=2, No such file or directory")));
        assertEquals("No such file or directory", TargetLauncher.reason(new java.io.IOException(
                "Cannot run program \"x\": Exec failed, error: 2 (No such file or directory) ")));
        assertEquals("something else", TargetLauncher.reason(new java.io.IOException("something else")));
    }

    @Test
    void commandThatDoesNotExistExitsFourWithTheReason() throws Exception {
        CliHarness.Outcome o = run(List.of(), List.of("racelock-no-such-command-xyz", "arg"));
        assertEquals(ExitCodes.TARGET_NOT_STARTED, o.exitCode());
        assertEquals("racelock: cannot start racelock-no-such-command-xyz: No such file or directory\n", o.err());
        try (var leftOver = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(leftOver.noneMatch(p -> p.getFileName().toString().startsWith("racelock-run-")
                    && isEmptyDirectory(p)), "no empty trace directory left behind");
        }
    }

    @Test
    void aTargetThatFailsWithoutFindingsMakesTheRunFailAndSaysSo() {
        CliHarness.Outcome o = run(List.of(), TestPrograms.java(ExitWith.class, "7"));
        assertEquals(ExitCodes.TARGET_FAILED, o.exitCode(), o.err());
        assertTrue(o.err().contains("racelock: target exited with code 7\n"), o.err());
        assertTrue(o.err().endsWith("racelock: the target failed: it exited with code 7\n"), o.err());
    }

    @Test
    void failingFindingsTakePrecedenceOverAFailingTarget() {
        cli.returning(Findings.result(Findings.race("Counter", "hits")));
        CliHarness.Outcome o = run(List.of(), TestPrograms.java(ExitWith.class, "7"));
        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertTrue(o.err().contains("racelock: the target failed: it exited with code 7"), o.err());
    }

    @Test
    void ignoreTargetExitLetsOnlyFindingsDecide() {
        CliHarness.Outcome o = run(List.of("--ignore-target-exit"), TestPrograms.java(ExitWith.class, "7"));
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        assertFalse(o.err().contains("the target failed"), o.err());
    }

    @Test
    void propagateAndIgnoreTargetExitTogetherAreAUsageError() {
        CliHarness.Outcome o = run(List.of("--propagate-exit", "--ignore-target-exit"),
                TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(cli.analyzed.isEmpty(), "nothing ran");
    }

    @Test
    void aFailingAnalysisExitsFiveInOneLineAndKeepsTheTraces() throws Exception {
        cli.analyzingWith((traces, progress) -> {
            throw new IllegalStateException("shadow state corrupted");
        });
        CliHarness.Outcome o = run(List.of("-q"), TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.INTERNAL_ERROR, o.exitCode(), o.err());
        String[] lines = o.err().split("\n");
        assertEquals(2, lines.length, "the target's exit line, then one line: " + o.err());
        Path traceDir = cli.analyzed.get(0).get(0).getParent();
        Matcher m = Pattern.compile("racelock: internal error \\(a bug in racelock\\): java.lang.IllegalStateException: "
                + "shadow state corrupted; please report it with (\\S+); the traces are kept in (\\S+)").matcher(lines[1]);
        assertTrue(m.matches(), lines[1]);
        Path details = Path.of(m.group(1));
        assertTrue(Files.readString(details).contains("at dev.racelock.cli.RunCommandTest"), "the stack trace is in the file");
        Files.delete(details);
        assertEquals(traceDir.toString(), m.group(2));
        assertTrue(Files.isDirectory(traceDir), "kept even with --quiet");
    }

    @Test
    void runningOutOfMemoryExitsFiveSayingHowToGiveMore() {
        cli.analyzingWith((traces, progress) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        CliHarness.Outcome o = run(List.of(), TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.INTERNAL_ERROR, o.exitCode(), o.err());
        String last = o.err().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("racelock: out of memory: the analysis needed more than the "
                + FailureHandler.maxHeap() + " of heap it had; give it more with RACELOCK_OPTS=" + MoreHeap.option()), last);
        assertTrue(last.endsWith("; the traces are kept in " + cli.analyzed.get(0).get(0).getParent()), last);
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test
    void targetOutputPassesThrough() throws Exception {
        run(List.of(), TestPrograms.java(ExitWith.class, "0"));
        assertTrue(Files.readString(targetLog).contains("Picked up JAVA_TOOL_OPTIONS: -javaagent:"),
                Files.readString(targetLog));
    }

    @Test
    void explainsTheAgentsDeadlockExitCode() {
        CliHarness.Outcome o = run(List.of(), TestPrograms.java(ExitWith.class, "86"));
        assertTrue(o.err().contains("racelock: target exited with code 86 (the agent's code for an observed deadlock"),
                o.err());
    }

    @Test
    void propagateExitReturnsTheTargetsExitCode() {
        cli.returning(Findings.result(Findings.race("Counter", "hits")));
        CliHarness.Outcome o = run(List.of("--propagate-exit"), TestPrograms.java(ExitWith.class, "7"));
        assertEquals(7, o.exitCode(), o.err());
        assertTrue(o.out().contains("DATA RACE on Counter.hits"), "findings are still reported: " + o.out());
    }

    @Test
    void findingsInTheTargetsTraceExitOne() {
        cli.returning(Findings.result(Findings.race("Counter", "hits")));
        CliHarness.Outcome o = run(List.of(), TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
    }

    @Test
    void attachesTheAgentThroughJavaToolOptionsAfterTheExistingValue() throws Exception {
        Path seen = dir.resolve("seen.txt");
        cli.withTarget(Map.of("JAVA_TOOL_OPTIONS", "-Dalready=there"), targetLog);
        CliHarness.Outcome o = run(List.of("--mode", "locks", "--include", "com.acme.**"),
                TestPrograms.java(ExitWith.class, "0", seen.toString()));
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        String options = Files.readString(seen);
        assertTrue(options.startsWith("-Dalready=there -javaagent:" + dir.resolve("fake-agent.jar") + "=output="),
                options);
        assertTrue(options.endsWith("/racelock-%p.rlt,deadlock=exit,mode=locks,stacks=on,include=com.acme.**"),
                options);
    }

    @Test
    void analyzesTheTraceEveryJvmWroteAndKeepsThemWhereAsked() throws Exception {
        Path keep = dir.resolve("traces");
        CliHarness.Outcome o = run(List.of("--keep-traces", keep.toString()), TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        List<Path> traces = cli.analyzed.get(0);
        assertEquals(1, traces.size());
        assertEquals(keep, traces.get(0).getParent());
        assertTrue(traces.get(0).getFileName().toString().matches("racelock-\\d+\\.rlt"), traces.toString());
        assertTrue(Files.readString(traces.get(0)).contains("deadlock=exit"));
        assertTrue(o.err().contains("racelock: traces are in " + keep), o.err());
    }

    @Test
    void deletesTemporaryTracesAfterACleanRunAndKeepsThemAfterFindings() throws Exception {
        run(List.of(), TestPrograms.java(ExitWith.class, "0"));
        Path cleanRunDir = cli.analyzed.get(0).get(0).getParent();
        assertFalse(Files.exists(cleanRunDir), "deleted after a clean run");

        cli.returning(Findings.result(Findings.deadlock("Bank")));
        CliHarness.Outcome o = run(List.of(), TestPrograms.java(ExitWith.class, "0"));
        Path findingsRunDir = cli.analyzed.get(1).get(0).getParent();
        assertTrue(Files.isRegularFile(cli.analyzed.get(1).get(0)), "kept for a second look");
        assertTrue(o.err().contains("racelock: traces are in " + findingsRunDir), o.err());
    }

    private static boolean isEmptyDirectory(Path p) {
        try (var files = Files.list(p)) {
            return files.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }


    @Test
    void quietRunDeletesTemporaryTracesEvenAfterFindings() {
        cli.returning(Findings.result(Findings.deadlock("Bank")));
        CliHarness.Outcome o = run(List.of("-q"), TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.FINDINGS, o.exitCode());
        assertFalse(Files.exists(cli.analyzed.get(0).get(0).getParent()));
        assertEquals("racelock: target exited with code 0\n", o.err());
    }

    @Test
    void keepTracesDirectoryWithOldTracesIsAUsageError() throws Exception {
        Path keep = Files.createDirectory(dir.resolve("traces"));
        Files.writeString(keep.resolve("racelock-1.rlt"), "old");
        CliHarness.Outcome o = run(List.of("--keep-traces", keep.toString()), TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().contains("already holds traces"), o.err());
    }

    @Test
    void commandThatStartsNoJvmIsReportedAsNoTrace() {
        CliHarness.Outcome o = run(List.of(), List.of("true"));
        assertEquals(ExitCodes.TRACE_UNREADABLE, o.exitCode());
        assertTrue(o.err().contains("racelock: the command wrote no trace: did it start a JVM?"), o.err());
    }

    @Test
    void missingAgentJarIsAConfigurationError() {
        cli.withAgent(dir.resolve("missing-agent.jar"));
        CliHarness.Outcome o = run(List.of(), TestPrograms.java(ExitWith.class, "0"));
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().startsWith("racelock: cannot find the agent jar " + dir.resolve("missing-agent.jar")),
                o.err());
    }

    @Test
    void targetOptionsWithoutDoubleDashBelongToTheTarget() {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(TestPrograms.java(ExitWith.class, "3"));
        CliHarness.Outcome o = cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.TARGET_FAILED, o.exitCode(), o.err());
        assertTrue(o.err().contains("target exited with code 3"), o.err());
    }

    @Test
    void optionErrorsAreFoundBeforeTheTargetRuns() throws Exception {
        Path seen = dir.resolve("seen.txt");
        CliHarness.Outcome o = run(List.of("--baseline", dir.resolve("none.json").toString()),
                TestPrograms.java(ExitWith.class, "0", seen.toString()));
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: baseline " + dir.resolve("none.json") + " does not exist\n", o.err());
        assertFalse(Files.exists(seen), "the target never ran");
    }
}
