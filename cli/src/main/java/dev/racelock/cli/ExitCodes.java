package dev.racelock.cli;

/**
 * The exit codes of every racelock command: stable, documented in docs/cli.md and listed in
 * each command's {@code --help} (the {@code *_HELP} lines, in picocli's {@code key:text} form).
 */
public final class ExitCodes {

    /** No failing findings: the run is clean, or every finding is in the baseline, suppressed or of a category not failed on. */
    public static final int CLEAN = 0;
    /** At least one failing finding. */
    public static final int FINDINGS = 1;
    /** Usage or configuration error: unknown option, unreadable baseline, bad suppression file, unwritable output. */
    public static final int USAGE = 2;
    /** A trace could not be read. */
    public static final int TRACE_UNREADABLE = 3;
    /** {@code run}: the target command could not be started. */
    public static final int TARGET_NOT_STARTED = 4;
    /**
     * racelock itself failed (a bug, or the analysis ran out of memory): one line says what
     * happened, where the details are, and for {@code run} where the traces are kept.
     */
    public static final int INTERNAL_ERROR = 5;
    /**
     * {@code run}: the target exited with a non-zero code and nothing else failed. Failing findings
     * (1) and every error (2 to 5) take precedence; the summary says the target failed either way.
     */
    public static final int TARGET_FAILED = 6;

    static final String HEADING = "%nExit codes:%n";
    static final String CLEAN_HELP = "0:no failing findings";
    static final String FINDINGS_HELP = "1:failing findings (not in the baseline, not suppressed, of a --fail-on category)";
    static final String USAGE_HELP = "2:usage or configuration error (unknown option, bad baseline or suppression file, "
            + "unwritable output)";
    static final String TRACE_HELP = "3:a trace could not be read";
    static final String TARGET_HELP = "4:the target command could not be started";
    static final String INTERNAL_HELP = "5:racelock failed (a bug, or out of memory): one line says what happened and "
            + "where the details are";
    static final String TARGET_FAILED_HELP = "6:the target exited with a non-zero code (and nothing above applies)";
    static final String CONVERTED_HELP = "0:converted";

    private ExitCodes() {}
}
