package dev.racelock.report;

import java.nio.file.Path;
import java.util.List;

/**
 * How to render.
 *
 * @param sourceRoots  where source files are looked up to give SARIF and HTML project-relative
 *                     paths (default: the usual Maven layout under the working directory)
 * @param projectRoot  paths are made relative to this
 * @param color        ANSI colours in text output (only on a terminal)
 * @param toolVersion  racelock's version, written into JSON, SARIF and JUnit output
 */
public record ReportOptions(List<Path> sourceRoots, Path projectRoot, boolean color, String toolVersion) {
    public ReportOptions {
        sourceRoots = List.copyOf(sourceRoots);
    }
}
