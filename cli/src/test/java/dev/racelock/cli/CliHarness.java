package dev.racelock.cli;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.view.FindingWords;
import dev.racelock.report.ReportFormat;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs racelock commands in-process with captured output and a canned analysis, so command tests
 * need no trace and no analyzer. The fake renderer writes one line per finding, so tests can see what
 * reached each report.
 */
final class CliHarness {

    /** What one command run produced. */
    record Outcome(int exitCode, String out, String err) {}

    /** The traces each analysis was asked for, in order. */
    final List<List<Path>> analyzed = new ArrayList<>();
    private AnalysisResult result = Findings.result();
    private AnalysisService analysis = (traces, progress) -> {
        analyzed.add(List.copyOf(traces));
        return result;
    };
    private Path agentJar;
    private TargetLauncher target = TargetLauncher.INHERITING;

    CliHarness returning(AnalysisResult canned) {
        this.result = canned;
        return this;
    }

    CliHarness analyzingWith(AnalysisService service) {
        this.analysis = (traces, progress) -> {
            analyzed.add(List.copyOf(traces));
            return service.analyze(traces, progress);
        };
        return this;
    }

    CliHarness withAgent(Path jar) {
        this.agentJar = jar;
        return this;
    }

    /** The target of {@code run} gets {@code env} on top of ours and writes its output to {@code log}. */
    CliHarness withTarget(Map<String, String> env, Path log) {
        this.target = new TargetLauncher(env, log);
        return this;
    }

    CliServices services() {
        return new CliServices(analysis, CliHarness::renderLines, (in, out, extensions) -> new dev.racelock.trace.TraceEnd(0, true, null), agentJar, target,
                false, System::nanoTime);
    }

    Outcome run(String... args) {
        return run(services(), args);
    }

    static Outcome run(CliServices services, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(services);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Fake renderer: {@code [json] DATA RACE on Counter.hits} per finding, {@code [json] warning: ...} per warning. */
    static void renderLines(AnalysisResult result, ReportFormat format, dev.racelock.report.ReportOptions options,
                            Writer out) throws IOException {
        for (var f : result.findings()) {
            out.write("[" + format.id() + "] " + FindingWords.title(f) + "\n");
        }
        for (String w : result.warnings()) {
            out.write("[" + format.id() + "] warning: " + w + "\n");
        }
        out.write("[" + format.id() + "] end\n");
    }
}
