package dev.racelock.report.view;

import dev.racelock.analyzer.finding.SourceSite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the source file of a site, as a path relative to the project root with forward slashes,
 * which is what SARIF's {@code artifactLocation.uri} against {@code %SRCROOT%} needs for GitHub to
 * annotate the right file. A class file only records the simple source file name, so the path is
 * rebuilt from the package: {@code com.acme.Counter} + {@code Counter.java} is looked up as
 * {@code com/acme/Counter.java} under each source root; when no root has it, the package path
 * itself is the answer.
 */
public final class SourceLocator {

    private final Path projectRoot;
    private final List<Path> roots = new ArrayList<>();
    private final Map<String, String> cache = new HashMap<>();

    /**
     * @param projectRoot paths are made relative to this (null: the working directory)
     * @param sourceRoots where source files are looked up, relative to {@code projectRoot} unless absolute
     */
    public SourceLocator(Path projectRoot, List<Path> sourceRoots) {
        this.projectRoot = (projectRoot != null ? projectRoot : Path.of("")).toAbsolutePath().normalize();
        for (Path root : sourceRoots) {
            roots.add(this.projectRoot.resolve(root).normalize());
        }
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** {@code src/main/java/com/acme/Counter.java}, or {@code com/acme/Counter.java} when not found; null without a class. */
    public String uri(SourceSite site) {
        if (site == null || site.className() == null || site.className().isEmpty()) {
            return null;
        }
        String packagePath = packagePath(site);
        return cache.computeIfAbsent(packagePath, this::lookUp);
    }

    private String lookUp(String packagePath) {
        for (Path root : roots) {
            Path candidate = root.resolve(packagePath);
            if (Files.isRegularFile(candidate)) {
                Path relative = candidate.startsWith(projectRoot) ? projectRoot.relativize(candidate) : candidate;
                return relative.toString().replace('\\', '/');
            }
        }
        return packagePath;
    }

    /**
     * {@code com/acme/Counter.java}: the package directory plus the recorded source file name, or,
     * without one, the top-level class name (nested classes share their outer class's file).
     */
    static String packagePath(SourceSite site) {
        String className = site.className();
        int lastDot = className.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
        String file = site.file();
        if (file == null || file.isEmpty()) {
            String simple = className.substring(lastDot + 1);
            int dollar = simple.indexOf('$');
            file = (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
        }
        return pkg + file;
    }
}
