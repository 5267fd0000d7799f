package dev.racelock.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The packages of a build's own sources, as the agent's {@code include} globs: what
 * prepare-agent records when the user names nothing. Recording only the project's classes keeps
 * libraries and the test framework out of the trace (and out of the findings), and keeps the
 * trace small: on HikariCP, every class of the test JVMs made 12 GB of trace where the project's
 * own packages made 91 MB.
 *
 * <p>Sources are read rather than classes because prepare-agent runs at {@code initialize},
 * before anything is compiled. A package is a directory under a source root holding a source
 * file; a package inside another one found is covered by the outer one's {@code **}.
 */
final class ProjectPackages {

    private static final List<String> SOURCE_SUFFIXES = List.of(".java", ".kt", ".groovy", ".scala");

    private ProjectPackages() {}

    /**
     * Globs such as {@code com.acme.**} covering every source file under {@code sourceRoots}
     * (missing roots are skipped); {@code *} when a file sits in the default package; empty when
     * there are no sources.
     */
    static List<String> includeGlobs(List<Path> sourceRoots) {
        TreeSet<String> packages = new TreeSet<>();
        for (Path root : sourceRoots) {
            if (Files.isDirectory(root)) {
                collect(root, packages);
            }
        }
        List<String> globs = new ArrayList<>();
        String outer = null;
        for (String pkg : packages) { // sorted: an outer package comes before those inside it
            if (pkg.isEmpty()) {
                globs.add("*");
            } else if (outer == null || !pkg.startsWith(outer + ".")) {
                globs.add(pkg + ".**");
                outer = pkg;
            }
        }
        return globs;
    }

    private static void collect(Path root, TreeSet<String> packages) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(ProjectPackages::isSource)
                    .map(file -> root.relativize(file.getParent() == null ? root : file.getParent()))
                    .map(dir -> dir.toString().replace(dir.getFileSystem().getSeparator(), "."))
                    .forEach(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources under " + root, e);
        }
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return SOURCE_SUFFIXES.stream().anyMatch(name::endsWith) && !name.equals("package-info.java")
                && !name.equals("module-info.java") && Files.isRegularFile(file);
    }
}
