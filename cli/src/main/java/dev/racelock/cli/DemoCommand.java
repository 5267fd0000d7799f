package dev.racelock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code racelock demo}: reserved for the samples; for now says what it will do. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Shows a race and a deadlock found in the samples.",
        description = "Shows a data race and a deadlock found in racelock's sample programs.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.CLEAN_HELP, ExitCodes.USAGE_HELP, ExitCodes.INTERNAL_HELP})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("racelock demo will run two of the sample programs under the agent - one with a data race,");
        out.println("one with a lock-order deadlock - and show what racelock reports for each.");
        out.println("The samples are not part of this build yet; meanwhile, try racelock on your own program:");
        out.println();
        spec.commandLine().getParent().usage(out);
        out.flush();
        return ExitCodes.CLEAN;
    }
}
