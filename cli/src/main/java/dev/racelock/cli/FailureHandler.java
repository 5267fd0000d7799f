package dev.racelock.cli;

import dev.racelock.trace.TraceFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns what a command throws into its exit code: expected failures as one line for the user,
 * an unreadable trace as exit 3 with the reader's message, anything else as an internal error
 * with its stack trace (the one case where a stack trace helps: it is a bug to report).
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
            err.println("racelock: internal error (a bug in racelock; please report it with this trace):");
            ex.printStackTrace(err);
            code = ExitCodes.INTERNAL_ERROR;
        }
        err.flush();
        return code;
    }
}
