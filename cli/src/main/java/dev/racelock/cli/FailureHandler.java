package dev.racelock.cli;

import dev.racelock.report.progress.MoreHeap;
import dev.racelock.trace.TraceFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns what a command throws into its exit code and one line on standard error: the user's
 * mistakes and unreadable traces with their message (exit 2, 3, 4), racelock's own failures with
 * what happened and where the details are (exit 5): the stack trace of a bug goes to a file to
 * attach to a bug report, never to the terminal, and running out of memory says how much heap
 * there was and how to give more.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof CommandFailure f) {
            err.println("racelock: " + f.getMessage());
            code = f.exitCode();
        } else if (ex instanceof TraceFormatException t) {
            err.println("racelock: " + t.getMessage());
            code = ExitCodes.TRACE_UNREADABLE;
        } else {
            InternalFailure failure = ex instanceof InternalFailure i ? i : new InternalFailure(ex, null);
            err.println(describe(failure));
            code = ExitCodes.INTERNAL_ERROR;
        }
        err.flush();
        return code;
    }

    /** The one line for racelock's own failure; writes a bug's stack trace to a file it names. */
    static String describe(InternalFailure failure) {
        String note = failure.note() == null ? "" : "; " + failure.note();
        if (failure.outOfMemory()) {
            String more = MoreHeap.option();
            return "racelock: out of memory: the analysis needed more than the " + maxHeap() + " of heap it had; give it "
                    + "more with RACELOCK_OPTS=" + more + " (./racelock passes RACELOCK_OPTS to java) or java " + more
                    + " -jar racelock.jar" + note;
        }
        Throwable cause = failure.getCause();
        return "racelock: internal error (a bug in racelock): " + cause + "; " + details(cause) + note;
    }

    /** {@code 1,024 MB}: the JVM's maximum heap. */
    static String maxHeap() {
        return String.format(Locale.ROOT, "%,d MB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String details(Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        try {
            Path file = Files.createTempFile("racelock-error-", ".txt");
            Files.writeString(file, "racelock " + VersionProvider.version() + "\n" + trace, StandardCharsets.UTF_8);
            return "please report it with " + file;
        } catch (IOException | RuntimeException e) {
            return "please report it with this stack trace:\n" + trace;
        }
    }
}
