package dev.racelock.cli;

import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.report.ReportFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The options {@code analyze} and {@code run} share: what to report, where, and what fails the run. */
public final class ReportingOptions {

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Report format: text, json, sarif, junit or html. Repeatable; the n-th --format "
                    + "goes to the n-th -o file, a --format without a file goes to standard output "
                    + "(default: text to standard output).")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write a report to FILE. Repeatable. Without a matching --format, the format "
                    + "follows the extension: .txt, .json, .sarif (.sarif.json), .xml (JUnit), .html.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Only findings whose fingerprint is not in this baseline file fail the run.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write every reported finding's fingerprint to FILE (sorted JSON) and exit 0 "
                    + "unless an error occurs: the findings are accepted.")
    Path writeBaseline;

    @Option(names = "--suppress", paramLabel = "FILE",
            description = "Suppression file (one rule per line, each with a reason; docs/cli.md). Repeatable.")
    List<Path> suppressionFiles = new ArrayList<>();

    @Option(names = "--analysis", paramLabel = "ANALYSIS", converter = AnalysisConverter.class,
            defaultValue = "hb",
            description = "hb: races this run showed, lock-order deadlocks; predictive: also races another "
                    + "schedule shows that this run's lock order hid (predicted-race), and lock-order cycles a "
                    + "reordering of this run deadlocks (predicted-deadlock) (default: ${DEFAULT-VALUE}).")
    AnalysisSet analysis = AnalysisSet.HB;

    @Option(names = "--fail-on", paramLabel = "CATEGORY", split = ",", converter = FailOnConverter.class,
            defaultValue = "race,deadlock",
            description = "What fails the run: the categories race and deadlock, finding types (data-race, "
                    + "predicted-race, predicted-deadlock, observed-deadlock), or none; e.g. "
                    + "race,predicted-deadlock,observed-deadlock leaves potential deadlocks out "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--max-findings", paramLabel = "N",
            description = "Report at most N findings and say how many were left out (the exit code still "
                    + "counts them all).")
    Integer maxFindings;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "Where sources are, for file paths in SARIF and HTML reports. Repeatable "
                    + "(default: src/main/java and src/test/java under the working directory).")
    List<Path> sourceRoots = new ArrayList<>();

    @Option(names = {"-q", "--quiet"},
            description = "Only errors (and run's target exit code) on standard error: no progress line, no summary.")
    boolean quiet;

    @Option(names = "--no-color", description = "No ANSI colours in text reports (also when NO_COLOR is set).")
    boolean noColor;

    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class AnalysisConverter implements ITypeConverter<AnalysisSet> {
        @Override
        public AnalysisSet convert(String value) {
            try {
                return AnalysisSet.fromId(value.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A category ({@code race}, {@code deadlock}: every type of it), a finding type id, or
     * {@code none}. {@code deadlock} is the category (potential, predicted and observed), not
     * the type of the same name.
     */
    static final class FailOnConverter implements ITypeConverter<String> {
        private static final Set<String> ACCEPTED = Set.of("race", "deadlock", "none", "data-race", "predicted-race",
                "predicted-deadlock", "observed-deadlock");

        @Override
        public String convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (!ACCEPTED.contains(v)) {
                throw new TypeConversionException("unknown category '" + value + "' (expected race, deadlock, "
                        + "data-race, predicted-race, predicted-deadlock, observed-deadlock or none)");
            }
            return v;
        }
    }
}
