package dev.racelock.cli;

import picocli.CommandLine;

/** Entry point of racelock.jar. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine(CliServices.production()).execute(args);
        } catch (Throwable t) { // an Error picocli lets through: still one line and exit 5, never a raw trace
            System.err.println(FailureHandler.describe(new InternalFailure(t, null)));
            code = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(code);
    }

    /** The whole command tree, using {@code services}; tests call this with their own. */
    public static CommandLine commandLine(CliServices services) {
        CommandLine cli = new CommandLine(new RacelockCommand());
        cli.addSubcommand(new RunCommand(services));
        cli.addSubcommand(new AnalyzeCommand(services));
        cli.addSubcommand(new ConvertCommand(services));
        cli.addSubcommand(new DemoCommand(services));
        // Everything after the first word of the target command belongs to it: `run mvn -q test`.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        // Set after adding subcommands: these setters apply to the subcommands that exist.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }
}
