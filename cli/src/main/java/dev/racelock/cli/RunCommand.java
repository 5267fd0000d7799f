package dev.racelock.cli;

import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.trace.TraceFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code racelock run}: runs a command with the agent attached to every JVM it starts (through
 * JAVA_TOOL_OPTIONS, so {@code java ...}, {@code mvn test} and the test JVMs it forks are all
 * recorded), analyzes every JVM's trace and reports. The traces stream to racelock over a
 * loopback port and are analyzed as they come ({@link StreamedTraces}); with
 * {@code --keep-traces} they are written to files and analyzed after the command ends.
 */
@Command(name = "run",
        header = "Runs a command under the agent, then analyzes and reports.",
        description = {"Runs COMMAND with the racelock agent attached to every JVM it starts, analyzes each "
                + "JVM's trace while it runs (or, with --keep-traces, from files after it) and reports data races "
                + "and deadlocks.",
                "The command keeps racelock's environment, standard input and outputs. A JVM that deadlocks "
                + "is ended by the agent (--deadlock exit), so the run never hangs."},
        exitCodeList = {ExitCodes.CLEAN_HELP, ExitCodes.FINDINGS_HELP, ExitCodes.USAGE_HELP, ExitCodes.TRACE_HELP,
                ExitCodes.TARGET_HELP, ExitCodes.INTERNAL_HELP, ExitCodes.TARGET_FAILED_HELP},
        footer = {"The first that applies decides the exit code: 5, 2, 4, 3, 1 (failing findings), 6 (the target "
                + "failed), 0. With --propagate-exit racelock exits with the target's own code instead of 0, 1 or 6; "
                + "with --ignore-target-exit a failing target does not change it.",
                "%nExamples:",
                "  racelock run -- java -cp app.jar com.acme.Main",
                "  racelock run --keep-traces traces -o racelock.sarif -- mvn -q test"})
final class RunCommand extends StandardHelp implements Callable<Integer> {

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportingOptions reporting;

    @Mixin
    AgentOptions agent;

    @Option(names = "--keep-traces", paramLabel = "DIR",
            description = "Have every JVM write its trace to DIR, analyze the traces after the command ends, and "
                    + "keep them. Without it each JVM sends its trace to racelock, which analyzes it while the "
                    + "command runs and writes none of it to disk.")
    Path keepTraces;

    @Option(names = "--propagate-exit",
            description = "Exit with the target's exit code instead of racelock's 0, 1 or 6.")
    boolean propagateExit;

    @Option(names = "--ignore-target-exit",
            description = "Exit 0 or 1 from the findings alone, whatever the target's exit code (default: a "
                    + "target that exits non-zero makes the run exit 6 when no finding fails it).")
    boolean ignoreTargetExit;

    @Parameters(arity = "1..*", paramLabel = "COMMAND",
            description = "The command to run and its arguments; put -- before it when it has options.")
    List<String> command = new ArrayList<>();

    RunCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (propagateExit && ignoreTargetExit) {
            throw CommandFailure.usage("--propagate-exit and --ignore-target-exit contradict each other: choose one");
        }
        FindingsReport report = FindingsReport.prepare(reporting, services, spec.commandLine().getOut(), err);
        Path agentJar = services.agentJar();
        if (agentJar == null || !Files.isRegularFile(agentJar)) {
            throw CommandFailure.usage("cannot find the agent jar" + (agentJar == null ? "" : " " + agentJar)
                    + "; build it (./mvnw -B -q -pl agent -am package) or name it with -Dracelock.agent=<jar>");
        }
        StreamedTraces streams = keepTraces == null ? listen() : null;
        if (streams != null) {
            try (streams) {
                return runStreamed(report, agentJar, streams, err);
            }
        }
        Path traceDir = traceDirectory();
        int targetExit;
        try {
            targetExit = services.target().run(command, agent.javaagentArgument(agentJar, traceDir, reporting.quiet,
                    reporting.analysis == AnalysisSet.PREDICTIVE));
        } catch (CommandFailure e) {
            deleteIfTemporary(traceDir);
            throw e;
        }
        err.println("racelock: target exited with code " + targetExit + AgentExit.explain(targetExit));
        err.flush();

        List<Path> traces = tracesIn(traceDir);
        if (traces.isEmpty()) {
            deleteIfTemporary(traceDir);
            throw noTrace(targetExit);
        }
        int findingsExit;
        try {
            findingsExit = report.analyzeAndReport(traces);
        } catch (CommandFailure | TraceFormatException e) {
            keepOrDelete(traceDir, false);
            throw e;
        } catch (InternalFailure e) {
            // racelock failed, not the target: keep the traces to analyze again or attach to a report.
            throw e.withNote("the traces are kept in " + traceDir);
        } catch (IOException | RuntimeException e) {
            throw new InternalFailure(e, "the traces are kept in " + traceDir);
        }
        keepOrDelete(traceDir, findingsExit == ExitCodes.CLEAN && targetExit == 0);
        return finalExitCode(targetExit, findingsExit, err);
    }

    /** Listens for the agents' traces, or null when the analysis service reads files only. */
    private StreamedTraces listen() {
        try {
            return services.analysis().listen(reporting.analysis);
        } catch (IOException e) {
            throw new InternalFailure(e, "run again with --keep-traces DIR to record to files instead");
        }
    }

    /**
     * The run without trace files: every JVM sends its trace to {@code streams}, which analyzes
     * it as it comes, so the disk holds none of it.
     */
    private int runStreamed(FindingsReport report, Path agentJar, StreamedTraces streams, PrintWriter err)
            throws IOException {
        int targetExit = services.target().run(command, agent.javaagentArgument(agentJar, streams.port(),
                reporting.quiet, reporting.analysis == AnalysisSet.PREDICTIVE));
        err.println("racelock: target exited with code " + targetExit + AgentExit.explain(targetExit));
        err.flush();
        AnalysisResult result;
        try {
            result = streams.finish();
        } catch (CommandFailure | TraceFormatException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalFailure(e, null);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "cannot read the traces: " + IoProblem.describe(e));
        } catch (OutOfMemoryError e) {
            throw new InternalFailure(e, null);
        } catch (RuntimeException e) {
            throw new InternalFailure(e, "run again with --keep-traces DIR to keep the traces");
        }
        if (result == null) {
            throw noTrace(targetExit);
        }
        return finalExitCode(targetExit, report.report(result), err);
    }

    private CommandFailure noTrace(int targetExit) {
        return new CommandFailure(propagateExit ? targetExit : ExitCodes.TRACE_UNREADABLE,
                "the command wrote no trace" + (targetExit == 0 ? "" : " and failed (exit code " + targetExit + ")")
                        + ": did it start a JVM? (racelock attaches to JVMs through JAVA_TOOL_OPTIONS; a JVM "
                        + "started with a cleared environment is not recorded)");
    }

    private int finalExitCode(int targetExit, int findingsExit, PrintWriter err) {
        if (targetExit != 0 && !ignoreTargetExit) {
            err.println("racelock: the target failed: it exited with code " + targetExit + AgentExit.explain(targetExit));
            err.flush();
        }
        return exitCode(targetExit, findingsExit);
    }

    /** Failing findings first, then a failing target, unless told to follow or ignore the target. */
    private int exitCode(int targetExit, int findingsExit) {
        if (propagateExit) {
            return targetExit;
        }
        if (findingsExit != ExitCodes.CLEAN || ignoreTargetExit || targetExit == 0) {
            return findingsExit;
        }
        return ExitCodes.TARGET_FAILED;
    }

    private Path traceDirectory() throws IOException {
        if (keepTraces == null) {
            return Files.createTempDirectory("racelock-run-");
        }
        if (Files.exists(keepTraces) && !Files.isDirectory(keepTraces)) {
            throw CommandFailure.usage("--keep-traces " + keepTraces + " is not a directory");
        }
        try {
            Files.createDirectories(keepTraces);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot create --keep-traces directory " + keepTraces + ": " + IoProblem.describe(e));
        }
        // A trace left from an earlier run would be analyzed as part of this one.
        if (!tracesIn(keepTraces).isEmpty()) {
            throw CommandFailure.usage("--keep-traces directory " + keepTraces
                    + " already holds traces; remove them or choose an empty directory");
        }
        return keepTraces;
    }

    private static List<Path> tracesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Deletes a temporary trace directory after a clean run, or after any run with --quiet (which
     * could not say where it is); otherwise says where the traces are.
     */
    private void keepOrDelete(Path traceDir, boolean clean) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (keepTraces == null && (clean || reporting.quiet)) {
            deleteIfTemporary(traceDir);
        } else if (!reporting.quiet) {
            err.println("racelock: traces are in " + traceDir + " (racelock analyze " + traceDir + ")");
            err.flush();
        }
    }

    private void deleteIfTemporary(Path traceDir) throws IOException {
        if (keepTraces != null) {
            return;
        }
        for (Path p : tracesIn(traceDir)) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(traceDir);
    }
}
