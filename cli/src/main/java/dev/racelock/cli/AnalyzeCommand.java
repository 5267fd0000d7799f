package dev.racelock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code racelock analyze}: reports the findings in traces recorded earlier. */
@Command(name = "analyze",
        header = "Analyzes recorded traces and reports.",
        description = {"Analyzes traces recorded by the racelock agent (binary .rlt) or in the STD text "
                + "format (.std), and reports data races and deadlocks.",
                "A directory stands for every file in it (but STD site tables, *.std.sites)."},
        exitCodeList = {ExitCodes.CLEAN_HELP, ExitCodes.FINDINGS_HELP, ExitCodes.USAGE_HELP, ExitCodes.TRACE_HELP,
                ExitCodes.INTERNAL_HELP})
final class AnalyzeCommand extends StandardHelp implements Callable<Integer> {

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportingOptions reporting;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "Trace files or directories of traces.")
    List<Path> traces = new ArrayList<>();

    AnalyzeCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        FindingsReport report = FindingsReport.prepare(reporting, services, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return report.analyzeAndReport(expand(traces));
    }

    /** Checks every trace can be opened and replaces each directory by the files in it, sorted. */
    static List<Path> expand(List<Path> given) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> inDir = Files.list(p)) {
                    // An STD export's site table (t.std.sites) is read with its trace, not as one.
                    List<Path> found = inDir.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().endsWith(".std.sites")).sorted().toList();
                    if (found.isEmpty()) {
                        throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "directory " + p + " holds no trace");
                    }
                    files.addAll(found);
                }
            } else if (!Files.exists(p)) {
                throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "cannot read trace " + p + ": no such file");
            } else if (!Files.isReadable(p)) {
                throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "cannot read trace " + p + ": permission denied");
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
