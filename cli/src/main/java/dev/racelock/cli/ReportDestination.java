package dev.racelock.cli;

import dev.racelock.report.ReportFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One report to write: a format and a file, or standard output when {@code file} is null. A file
 * whose extension names another format is refused (text written into {@code report.html} would
 * be silently wrong).
 */
record ReportDestination(ReportFormat format, Path file) {

    /**
     * Pairs {@code --format}s with {@code -o} files in order (docs/cli.md, "Report formats and files").
     *
     * @throws CommandFailure (usage) a file whose format cannot be told, or several reports to stdout
     */
    static List<ReportDestination> resolve(List<ReportFormat> formats, List<Path> outputs) {
        List<ReportDestination> destinations = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Path file = outputs.get(i);
            Optional<ReportFormat> named = ReportFormat.fromFileName(String.valueOf(file.getFileName()));
            ReportFormat format = i < formats.size() ? formats.get(i) : named.orElseThrow(() ->
                    CommandFailure.usage("cannot tell the report format of '" + file + "' from its name: add "
                            + "--format (text, json, sarif, junit or html) or use .txt, .json, .sarif, .xml or .html"));
            if (named.isPresent() && !fits(format, named.get())) {
                throw CommandFailure.usage("-o " + file + " is named for " + named.get().id() + " reports but gets "
                        + "--format " + format.id() + ": name it *" + format.extension() + ", or change or drop --format");
            }
            destinations.add(new ReportDestination(format, file));
        }
        List<ReportFormat> toStdout = formats.subList(Math.min(outputs.size(), formats.size()), formats.size());
        if (toStdout.size() > 1) {
            throw CommandFailure.usage("only one report can go to standard output; add -o FILE for --format "
                    + toStdout.get(1).id());
        }
        if (!toStdout.isEmpty()) {
            destinations.add(new ReportDestination(toStdout.get(0), null));
        } else if (outputs.isEmpty()) {
            destinations.add(new ReportDestination(ReportFormat.TEXT, null));
        }
        return destinations;
    }

    /** A format may go to a file named for it, and SARIF (which is JSON) also to a {@code .json} file. */
    private static boolean fits(ReportFormat format, ReportFormat named) {
        return format == named || (format == ReportFormat.SARIF && named == ReportFormat.JSON);
    }

    /**
     * Fails before any work is done when {@code file} cannot be written, naming why.
     *
     * @param what "report", "baseline": how the message names the file
     */
    static void checkWritable(Path file, String what) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        String problem = null;
        if (Files.isDirectory(absolute)) {
            problem = "it is a directory";
        } else if (dir == null || !Files.isDirectory(dir)) {
            problem = "directory " + dir + " does not exist";
        } else if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(dir)) {
            problem = "permission denied";
        }
        if (problem != null) {
            throw CommandFailure.usage("cannot write " + what + " " + file + ": " + problem);
        }
    }
}
