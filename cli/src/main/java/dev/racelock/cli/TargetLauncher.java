package dev.racelock.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the target command of {@code run} as a child process that shares racelock's environment,
 * working directory and standard streams, so it behaves as if started by hand (interactive
 * programs too).
 *
 * @param extraEnvironment variables set on top of racelock's environment (empty in production)
 * @param outputFile       where the target's stdout and stderr go instead of racelock's, or null
 *                         (production); stdin is inherited either way
 */
public record TargetLauncher(Map<String, String> extraEnvironment, Path outputFile) {

    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    /** The production launcher: racelock's own environment and streams. */
    static final TargetLauncher INHERITING = new TargetLauncher(Map.of(), null);

    public TargetLauncher {
        extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /**
     * @param agentArgument the JAVA_TOOL_OPTIONS word that attaches the agent
     * @return the target's exit code
     * @throws CommandFailure (exit 4) the command cannot be started
     */
    int run(List<String> command, String agentArgument) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (outputFile != null) {
            builder.redirectOutput(Redirect.appendTo(outputFile.toFile()));
            builder.redirectError(Redirect.appendTo(outputFile.toFile()));
        }
        Map<String, String> env = builder.environment();
        env.putAll(extraEnvironment);
        env.put(JAVA_TOOL_OPTIONS, javaToolOptions(env.get(JAVA_TOOL_OPTIONS), agentArgument));
        Process process = start(builder, command);
        // Only after the start: an ignored signal would stay ignored in the child across exec.
        InterruptDeferral ctrlC = InterruptDeferral.ignoreInterrupts();
        try {
            return waitFor(process);
        } finally {
            ctrlC.close();
        }
    }

    private static Process start(ProcessBuilder builder, List<String> command) {
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new CommandFailure(ExitCodes.TARGET_NOT_STARTED, "cannot start " + command.get(0) + ": "
                    + reason(e));
        }
    }

    private static int waitFor(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    // The target decides when it ends; remember the interrupt for the caller.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The target's JAVA_TOOL_OPTIONS: its existing value with the agent appended, so options the
     * user set there still apply. The JVM splits this variable at whitespace but honours quotes
     * (JDK 9+), so an argument with spaces is quoted.
     */
    static String javaToolOptions(String existing, String agentArgument) {
        String arg = agentArgument.chars().anyMatch(Character::isWhitespace) ? "\"" + agentArgument + "\"" : agentArgument;
        return existing == null || existing.isBlank() ? arg : existing.strip() + " " + arg;
    }

    /**
     * The operating system's reason from ProcessBuilder.start's message, which differs by JDK:
     * {@code error=2, No such file or directory} (17) and
     * {@code Exec failed, error: 2 (No such file or directory)} (25).
     */
    private static final Pattern OS_ERROR = Pattern.compile("error(?:=|: )\\d+(?:, |\\s*\\()([^()]+)");

    /** "No such file or directory" rather than the whole "Cannot run program ..., error=2, ..." sentence. */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = OS_ERROR.matcher(message);
        return m.find() ? m.group(1).trim() : message;
    }
}
