package dev.racelock.cli;

import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code racelock convert}: binary trace to STD text and back. */
@Command(name = "convert",
        header = "Converts a trace between binary and STD text.",
        description = {"Converts a trace: to the STD text format of RAPID and RV-Predict when OUT ends in .std "
                + "(with a site table beside it), otherwise to racelock's binary format."},
        exitCodeList = {ExitCodes.CONVERTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.TRACE_HELP, ExitCodes.INTERNAL_HELP})
final class ConvertCommand extends StandardHelp implements Callable<Integer> {

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The trace to read (binary or .std).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (.std for STD text).")
    Path out;

    @Option(names = "--extensions",
            description = "STD export: also write racelock's extended operations (vr vw hbr hba enter exit "
                    + "begin end req), which RAPID does not read; without it they become standard operations "
                    + "that can only add ordering.")
    boolean extensions;

    /** Where STD export writes the site table (docs/trace-format.md, "Export"). */
    static Path siteTable(Path stdFile) {
        return stdFile.resolveSibling(stdFile.getFileName() + ".sites");
    }

    ConvertCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(in)) {
            throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "cannot convert " + in + ": it is a directory");
        }
        AnalyzeCommand.expand(List.of(in));
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw CommandFailure.usage("IN and OUT are the same file: " + in);
        }
        ReportDestination.checkWritable(out, "converted trace");
        if (TraceConverter.isStd(out)) {
            ReportDestination.checkWritable(siteTable(out), "site table");
        }
        TraceEnd end;
        try {
            end = services.conversion().convert(in, out, extensions);
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "cannot convert " + in + ": " + IoProblem.describe(e));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!end.complete()) {
            err.println("racelock: warning: " + end.problem() + "; converted what came before");
        }
        err.println("racelock: wrote " + out + " (" + end.events() + " events"
                + (TraceConverter.isStd(out) ? ", site table " + siteTable(out) : "") + ")");
        return ExitCodes.CLEAN;
    }
}
