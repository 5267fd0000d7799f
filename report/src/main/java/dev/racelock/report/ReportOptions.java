package dev.racelock.report;

import java.nio.file.Path;
import java.util.List;

/**
 * How to render.
 *
 * @param sourceRoots  where source files are looked up to give SARIF and HTML project-relative
 *                     paths, relative to {@code projectRoot} unless absolute; empty means the usual
 *                     Maven layout ({@link #MAVEN_SOURCE_ROOTS})
 * @param projectRoot  paths are made relative to this (null: the working directory)
 * @param color        ANSI colours in text output (only on a terminal)
 * @param toolVersion  racelock's version, written into JSON, SARIF and JUnit output
 */
public record ReportOptions(List<Path> sourceRoots, Path projectRoot, boolean color, String toolVersion) {

    /** Maven's main and test source directories, relative to the project root. */
    public static final List<Path> MAVEN_SOURCE_ROOTS = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));

    public ReportOptions {
        sourceRoots = List.copyOf(sourceRoots);
    }

    /** Options for a project with the Maven layout under {@code projectRoot}. */
    public static ReportOptions forProject(Path projectRoot, boolean color, String toolVersion) {
        return new ReportOptions(MAVEN_SOURCE_ROOTS, projectRoot, color, toolVersion);
    }
}
