package dev.racelock.samples.validation;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where the build put what the harness needs, passed by the samples pom as system properties
 * (defaults: the Maven layout, relative to the module directory tests run in).
 *
 * @param sourceRoots roots holding the samples' sources (a second one for release-21 samples on JDK 21+)
 * @param classes     compiled samples, the child JVMs' class path
 * @param agentJar    the shaded agent, copied as a file by maven-dependency-plugin (never a class-path dependency)
 * @param workDir     scratch space for traces and child output
 */
record BuildLayout(List<Path> sourceRoots, Path classes, Path agentJar, Path workDir) {

    static BuildLayout fromSystemProperties() {
        List<Path> roots = Arrays.stream(System.getProperty("racelock.samples.sourceRoots", "src/main/java")
                        .split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        return new BuildLayout(roots,
                Path.of(System.getProperty("racelock.samples.classes", "target/classes")),
                Path.of(System.getProperty("racelock.agent.jar", "target/racelock-agent.jar")),
                Path.of(System.getProperty("racelock.samples.workDir", "target/samples-runs")));
    }

    /** The java launcher of the JDK running the tests: samples run on the JDK the build runs on. */
    static Path javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
