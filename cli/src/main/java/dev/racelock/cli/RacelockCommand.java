package dev.racelock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code racelock} command: only dispatches to its subcommands. */
@Command(name = "racelock",
        synopsisSubcommandLabel = "COMMAND",
        description = "Finds data races and deadlocks in JVM programs.",
        exitCodeList = {ExitCodes.CLEAN_HELP, ExitCodes.FINDINGS_HELP, ExitCodes.USAGE_HELP, ExitCodes.TRACE_HELP,
                ExitCodes.TARGET_HELP, ExitCodes.INTERNAL_HELP},
        footer = {"%nExamples:",
                "  racelock run -- java -cp app.jar com.acme.Main",
                "  racelock run --format sarif -o racelock.sarif -- mvn -q test",
                "  racelock analyze t-1234.rlt --baseline racelock-baseline.json"})
final class RacelockCommand extends StandardHelp implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: run, analyze, convert or demo");
    }
}
