package dev.racelock.maven;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.gate.Baseline;
import dev.racelock.report.gate.BaselineFile;
import dev.racelock.report.gate.FindingGate;
import dev.racelock.report.gate.GateConfigException;
import dev.racelock.report.progress.MoreHeap;
import dev.racelock.report.progress.ProgressLine;
import dev.racelock.trace.TraceFormatException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What check and report share: find the traces the test JVMs wrote, analyze them, write every
 * report into the trace directory, and log each finding that fails the gate as an ERROR line.
 * The last project of a multi-module build also writes an aggregate of every module's traces at
 * the top ({@code target/racelock/aggregate/} of the top-level project).
 */
abstract class AnalysisMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** Where the test JVMs wrote their traces (prepare-agent's traceDirectory); the reports go there too. */
    @Parameter(property = "racelock.traceDirectory", defaultValue = "${project.build.directory}/racelock")
    protected File traceDirectory;

    /** A baseline file (docs/cli.md): its findings are reported but do not fail the build. */
    @Parameter(property = "racelock.baseline")
    protected File baseline;

    /** Suppression files (docs/cli.md): their findings are left out of the reports. */
    @Parameter(property = "racelock.suppressions")
    protected List<File> suppressions;

    /** The finding categories that fail the build: {@code race}, {@code deadlock}, {@code none}. */
    @Parameter(property = "racelock.failOn", defaultValue = "race,deadlock")
    protected String failOn;

    /**
     * Writes every reported finding into this baseline file (created or replaced) and fails
     * nothing; {@code baseline} is not read then, so it may name the file not yet written.
     */
    @Parameter(property = "racelock.writeBaseline")
    protected File writeBaseline;

    @Parameter(property = "racelock.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("racelock: skipped (racelock.skip)");
            return;
        }
        FindingGate gate = gate();
        Path directory = traceDirectory.toPath();
        Summary.Consequence consequence = writeBaseline != null ? Summary.Consequence.ENTER_THE_BASELINE
                : consequence();
        BuildReport.Outcome outcome = analyze(List.of(directory), directory, gate, project, consequence);
        writeAggregate(gate);
        if (outcome == null) {
            return;
        }
        if (writeBaseline != null) {
            writeBaseline(outcome);
            return;
        }
        afterReports(outcome, directory);
    }

    /** What failing findings do in this goal, for the summary line. */
    protected abstract Summary.Consequence consequence();

    /** What the goal does with the verdict once the reports are written. */
    protected abstract void afterReports(BuildReport.Outcome outcome, Path reportDirectory) throws MojoFailureException;

    private FindingGate gate() throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        if (suppressions != null) {
            suppressions.forEach(f -> files.add(f.toPath()));
        }
        try {
            Path accepted = baseline == null || writeBaseline != null ? null : baseline.toPath();
            return GateSettings.gate(accepted, files, failOn);
        } catch (GateConfigException e) {
            throw new MojoExecutionException("racelock: " + e.getMessage(), e);
        }
    }

    /** Analyzes the traces in {@code traceDirectories}; null (and one INFO line) when there are none. */
    private BuildReport.Outcome analyze(List<Path> traceDirectories, Path reportDirectory, FindingGate gate,
                                        MavenProject root, Summary.Consequence consequence)
            throws MojoExecutionException {
        List<Path> traces;
        try {
            traces = BuildTraces.in(traceDirectories);
        } catch (IOException e) {
            throw new MojoExecutionException("racelock: cannot list the traces in " + traceDirectories + ": " + e, e);
        }
        if (traces.isEmpty()) {
            getLog().info("racelock: no traces in " + String.join(", ", traceDirectories.stream().map(Path::toString)
                    .toList()) + ", nothing to analyze (no test JVM ran with prepare-agent's agent)");
            return null;
        }
        ReportOptions options = ReportOptions.forProject(root.getBasedir().toPath(), false, plugin.getVersion());
        BuildReport.Outcome outcome;
        long allBytes = ProgressLine.allBytes(traces);
        // A CI log shows a line every ten seconds of a long analysis, so that it never looks hung.
        try (ProgressLine progress = new ProgressLine(new PrintWriter(new LogLines(getLog()::info)),
                ProgressLine.Mode.LOGGED, System::nanoTime, allBytes)) {
            outcome = BuildReport.write(traces, gate, reportDirectory, options, progress);
        } catch (OutOfMemoryError e) {
            // What the analysis held is garbage once unwound to here, so there is room to say so.
            throw new MojoExecutionException(outOfMemory(traces.size(), allBytes));
        } catch (TraceFormatException e) {
            throw new MojoExecutionException("racelock: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("racelock: cannot analyze the traces or write the reports: " + e, e);
        }
        for (String warning : outcome.result().warnings()) {
            getLog().warn("racelock: " + warning);
        }
        getLog().info("racelock: " + Summary.describe(outcome, consequence) + "; reports in " + reportDirectory);
        return outcome;
    }

    /** The one line a build log shows when the analysis ran out of Maven's heap. */
    static String outOfMemory(int traces, long allBytes) {
        String more = MoreHeap.option();
        return String.format(Locale.ROOT, "racelock: out of memory: analyzing %d trace(s) of %,d MB needed more than "
                + "the %,d MB of heap Maven's JVM had; give Maven more, e.g. MAVEN_OPTS=%s or %s in "
                + ".mvn/jvm.config (the traces are kept: racelock analyze reads them with RACELOCK_OPTS=%s)",
                traces, allBytes / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), more, more, more);
    }

    /** Logs each failing finding as an ERROR line; the others at INFO. */
    protected final void logFindings(BuildReport.Outcome outcome) {
        for (Finding finding : outcome.verdict().reported()) {
            String line = "racelock: " + FindingLines.describe(finding);
            if (outcome.verdict().failing().contains(finding)) {
                getLog().error(line);
            } else {
                getLog().info(line + " (accepted by the baseline or failOn)");
            }
        }
    }

    private void writeBaseline(BuildReport.Outcome outcome) throws MojoExecutionException {
        try {
            BaselineFile.write(writeBaseline.toPath(), Baseline.ofFindings(outcome.verdict().reported()));
        } catch (IOException e) {
            throw new MojoExecutionException("racelock: cannot write baseline " + writeBaseline + ": " + e, e);
        }
        int n = outcome.verdict().reported().size();
        getLog().info("racelock: wrote " + n + (n == 1 ? " fingerprint" : " fingerprints") + " to baseline "
                + writeBaseline);
    }

    /**
     * In a multi-module build, the last project writes the aggregate of every project's traces
     * into the top-level project's trace directory, under {@code aggregate/}. Not in a parallel
     * build, where the last project in order may finish before the others.
     */
    private void writeAggregate(FindingGate gate) throws MojoExecutionException {
        List<MavenProject> projects = session.getProjects();
        if (projects == null || projects.size() < 2 || projects.get(projects.size() - 1) != project) {
            return;
        }
        if (session.isParallel()) {
            getLog().info("racelock: no aggregate report in a parallel build; each module has its own");
            return;
        }
        Path relative = Path.of(project.getBuild().getDirectory()).relativize(traceDirectory.toPath());
        List<Path> directories = new ArrayList<>();
        for (MavenProject p : projects) {
            directories.add(Path.of(p.getBuild().getDirectory()).resolve(relative));
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : projects.get(0);
        Path aggregate = Path.of(top.getBuild().getDirectory()).resolve(relative).resolve("aggregate");
        getLog().info("racelock: aggregate of " + projects.size() + " projects");
        analyze(directories, aggregate, gate, top, Summary.Consequence.WOULD_FAIL_CHECK);
    }
}
