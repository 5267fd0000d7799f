package dev.racelock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code racelock convert}: binary trace to STD text and back. */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Converts a trace between binary and STD text.",
        description = {"Converts a trace: to the STD text format of RAPID and RV-Predict when OUT ends in .std "
                + "(with a site table beside it), otherwise to racelock's binary format."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.CONVERTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.TRACE_HELP, ExitCodes.INTERNAL_HELP})
final class ConvertCommand implements Callable<Integer> {

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The trace to read (binary or .std).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (.std for STD text).")
    Path out;

    ConvertCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(in)) {
            throw new CommandFailure(ExitCodes.TRACE_UNREADABLE, "cannot convert " + in + ": it is a directory");
        }
        AnalyzeCommand.expand(List.of(in));
        ReportDestination.checkWritable(out, "converted trace");
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw CommandFailure.usage("IN and OUT are the same file: " + in);
        }
        services.conversion().convert(in, out);
        spec.commandLine().getErr().println("racelock: wrote " + out);
        return ExitCodes.CLEAN;
    }
}
