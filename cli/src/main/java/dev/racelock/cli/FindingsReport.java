package dev.racelock.cli;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.gate.Baseline;
import dev.racelock.report.gate.BaselineFile;
import dev.racelock.report.gate.FindingGate;
import dev.racelock.report.gate.GateConfigException;
import dev.racelock.report.gate.GateVerdict;
import dev.racelock.report.gate.SuppressionFile;
import dev.racelock.report.gate.SuppressionRule;
import dev.racelock.report.gate.Suppressions;
import dev.racelock.report.progress.ProgressLine;
import dev.racelock.trace.TraceFormatException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code analyze} and {@code run} share after the traces exist: analyze them, pass the
 * findings through the gate (suppressions, baseline, {@code --fail-on}), write every report,
 * and turn the verdict into the exit code.
 *
 * <p>{@link #prepare} checks every option and reads the baseline and suppression files before
 * any work, so a typo fails in a second rather than after a long test run: build one with it.
 */
record FindingsReport(ReportingOptions options, CliServices services, PrintWriter out, PrintWriter err,
                      List<ReportDestination> destinations, FindingGate gate) {

    /** @throws CommandFailure (usage) a bad option, an unusable baseline or suppression file, an unwritable output */
    static FindingsReport prepare(ReportingOptions options, CliServices services, PrintWriter out, PrintWriter err) {
        if (options.maxFindings != null && options.maxFindings < 0) {
            throw CommandFailure.usage("--max-findings must be 0 or more, not " + options.maxFindings);
        }
        List<ReportDestination> destinations = ReportDestination.resolve(options.formats, options.outputs);
        for (ReportDestination d : destinations) {
            if (d.file() != null) {
                ReportDestination.checkWritable(d.file(), "report");
            }
        }
        if (options.writeBaseline != null) {
            ReportDestination.checkWritable(options.writeBaseline, "baseline");
        }
        try {
            Baseline baseline = options.baseline == null ? Baseline.EMPTY : BaselineFile.read(options.baseline);
            List<SuppressionRule> rules = new ArrayList<>();
            for (Path file : options.suppressionFiles) {
                rules.addAll(SuppressionFile.read(file).rules());
            }
            FindingGate gate = FindingGate.failingTypes(baseline, new Suppressions(rules), failOn(options.failOn));
            return new FindingsReport(options, services, out, err, destinations, gate);
        } catch (GateConfigException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    /** The finding types {@code --fail-on} names: a category stands for each of its types. */
    private static Set<FindingType> failOn(List<String> names) {
        Set<FindingType> types = EnumSet.noneOf(FindingType.class);
        for (String name : names) {
            switch (name) {
                case "race" -> types.addAll(FindingGate.typesOf(EnumSet.of(FindingType.Category.RACE)));
                case "deadlock" -> types.addAll(FindingGate.typesOf(EnumSet.of(FindingType.Category.DEADLOCK)));
                case "none" -> { } // adds nothing
                default -> types.add(FindingType.fromId(name));
            }
        }
        return types;
    }

    /**
     * Analyzes {@code traces}, writes the reports, and returns the exit code.
     *
     * @throws TraceFormatException a trace cannot be read (exit code 3)
     */
    int analyzeAndReport(List<Path> traces) throws IOException {
        AnalysisResult result;
        ProgressLine.Mode mode = options.quiet ? ProgressLine.Mode.OFF
                : services.terminal() ? ProgressLine.Mode.REDRAWN : ProgressLine.Mode.LOGGED;
        try (ProgressLine progress = new ProgressLine(err, mode, services.nanoClock(), ProgressLine.allBytes(traces))) {
            result = services.analysis().analyze(traces, progress, options.analysis);
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "cannot read the traces: " + IoProblem.describe(e));
        } catch (OutOfMemoryError e) {
            // What the analysis held is garbage once unwound to here, so there is room to say so.
            throw new InternalFailure(e, null);
        }
        return report(result);
    }

    /** Writes the reports of an analysis done already (racelock run's streamed traces) and returns the exit code. */
    int report(AnalysisResult result) throws IOException {
        GateVerdict verdict = gate.apply(result.findings());
        AnalysisResult shown = shownResult(result, verdict);
        for (ReportDestination d : destinations) {
            write(shown, d);
        }
        if (options.writeBaseline != null) {
            writeBaseline(verdict);
        }
        int exitCode = options.writeBaseline == null && verdict.fails() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
        if (!options.quiet && summaryAddsSomething(verdict)) {
            err.println(GateSummary.describe(result, verdict, exitCode));
            err.flush();
        }
        return exitCode;
    }


    /**
     * A text report on stdout ends with its own summary; the gate's line repeats it unless the
     * gate changed the outcome (baseline, suppressions, --fail-on, --write-baseline).
     */
    private boolean summaryAddsSomething(GateVerdict verdict) {
        boolean textOnStdout = destinations.stream()
                .anyMatch(d -> d.file() == null && d.format() == ReportFormat.TEXT);
        boolean gateChangedOutcome = verdict.baselined() > 0 || !verdict.suppressed().isEmpty()
                || verdict.failing().size() != verdict.reported().size() || options.writeBaseline != null;
        return !textOnStdout || gateChangedOutcome;
    }

    /** The result as reports show it: without suppressed findings, capped by --max-findings. */
    private AnalysisResult shownResult(AnalysisResult result, GateVerdict verdict) {
        List<Finding> shown = verdict.reported();
        List<String> warnings = new ArrayList<>(result.warnings());
        if (options.maxFindings != null && shown.size() > options.maxFindings) {
            int left = shown.size() - options.maxFindings;
            shown = shown.subList(0, options.maxFindings);
            warnings.add(left + (left == 1 ? " more finding was" : " more findings were") + " left out of this report (--max-findings "
                    + options.maxFindings + ")");
        }
        if (!verdict.suppressed().isEmpty()) {
            int n = verdict.suppressed().size();
            warnings.add(n + (n == 1 ? " finding was" : " findings were") + " suppressed (--suppress)");
        }
        return new AnalysisResult(result.traces(), shown, result.events(), warnings);
    }

    private void write(AnalysisResult shown, ReportDestination d) {
        boolean toStdout = d.file() == null;
        ReportOptions renderOptions = new ReportOptions(options.sourceRoots, Path.of("").toAbsolutePath(),
                toStdout && colorWanted(), VersionProvider.version());
        if (toStdout) {
            try {
                services.renderer().render(shown, d.format(), renderOptions, out);
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.USAGE, "cannot write the report to standard output: " + IoProblem.describe(e));
            }
            out.flush();
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(d.file(), StandardCharsets.UTF_8)) {
            services.renderer().render(shown, d.format(), renderOptions, w);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write report " + d.file() + ": " + IoProblem.describe(e));
        }
    }

    private void writeBaseline(GateVerdict verdict) {
        try {
            BaselineFile.write(options.writeBaseline, Baseline.ofFindings(verdict.reported()));
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write baseline " + options.writeBaseline + ": " + IoProblem.describe(e));
        }
        if (!options.quiet) {
            int n = verdict.reported().size();
            err.println("racelock: wrote " + n + (n == 1 ? " fingerprint" : " fingerprints") + " to baseline "
                    + options.writeBaseline);
        }
    }

    private boolean colorWanted() {
        return !options.noColor && services.terminal() && System.getenv("NO_COLOR") == null;
    }
}
