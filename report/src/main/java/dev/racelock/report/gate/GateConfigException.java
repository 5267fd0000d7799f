package dev.racelock.report.gate;

/**
 * A baseline or suppression file that cannot be used: missing, unreadable or malformed. The
 * message is one line for the user and names the file (and the line, for suppressions); the CLI
 * turns it into exit code 2 and the Maven plugin into a configuration error.
 */
public class GateConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public GateConfigException(String message) {
        super(message);
    }
}
