package dev.racelock.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectPackagesTest {

    @TempDir
    Path dir;

    private void source(String root, String relative) throws IOException {
        Path file = dir.resolve(root).resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class X {}");
    }

    @Test
    void packagesInsideAnotherAreCoveredByItsGlob() throws IOException {
        source("main", "com/acme/pool/Pool.java");
        source("main", "com/acme/pool/impl/Impl.java");
        source("test", "com/acme/pool/PoolTest.java");
        source("test", "com/acme/poolx/Other.kt");
        assertEquals(List.of("com.acme.pool.**", "com.acme.poolx.**"),
                ProjectPackages.includeGlobs(List.of(dir.resolve("main"), dir.resolve("test"))));
    }

    @Test
    void siblingPackagesWithoutACommonSourceStaySeparate() throws IOException {
        source("main", "org/apache/commons/pool2/A.java");
        source("main", "org/apache/commons/pool3/B.java");
        assertEquals(List.of("org.apache.commons.pool2.**", "org.apache.commons.pool3.**"),
                ProjectPackages.includeGlobs(List.of(dir.resolve("main"))));
    }

    @Test
    void theDefaultPackageIsAStar() throws IOException {
        source("main", "Main.java");
        source("main", "a/B.java");
        assertEquals(List.of("*", "a.**"), ProjectPackages.includeGlobs(List.of(dir.resolve("main"))));
    }

    @Test
    void missingRootsAndNonSourcesAddNothing() throws IOException {
        source("main", "com/acme/readme.txt");
        source("main", "com/acme/package-info.java");
        assertEquals(List.of(), ProjectPackages.includeGlobs(List.of(dir.resolve("main"), dir.resolve("none"))));
    }
}
