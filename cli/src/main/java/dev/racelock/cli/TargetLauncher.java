package dev.racelock.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs the target command of {@code run} as a child process that shares racelock's standard
 * streams and environment, so it behaves as if started by hand (interactive programs too).
 */
final class TargetLauncher {

    private TargetLauncher() {}

    /**
     * @param environment variables added to (or replacing) this process's environment
     * @return the target's exit code
     * @throws CommandFailure (exit 4) the command cannot be started
     */
    static int run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new CommandFailure(ExitCodes.TARGET_NOT_STARTED, "cannot start " + command.get(0) + ": "
                    + reason(e));
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    // Ctrl-C reaches the target too (same process group); wait for it to finish.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** "error=2, No such file or directory" rather than the whole "Cannot run program ..." sentence. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = message.indexOf("error=");
        if (at >= 0) {
            String tail = message.substring(at);
            int comma = tail.indexOf(", ");
            return comma >= 0 ? tail.substring(comma + 2) : tail;
        }
        return message;
    }

    /** The JAVA_TOOL_OPTIONS the target would get without racelock, or null. */
    static String existingJavaToolOptions(Map<String, String> overrides) {
        return overrides.containsKey("JAVA_TOOL_OPTIONS") ? overrides.get("JAVA_TOOL_OPTIONS")
                : System.getenv("JAVA_TOOL_OPTIONS");
    }
}
