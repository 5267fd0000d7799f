package dev.racelock.junit;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassPathJarsTest {

    @Test
    void aClassInAJarComesFromTheJar() throws Exception {
        assertEquals(Path.of("/r/lib dir/x.jar"),
                ClassPathJars.root(URI.create("jar:file:/r/lib%20dir/x.jar!/a/B.class").toURL(), "a/B.class"));
    }

    @Test
    void aClassInADirectoryComesFromTheDirectory() throws Exception {
        assertEquals(Path.of("/r/classes"),
                ClassPathJars.root(URI.create("file:/r/classes/a/b/C.class").toURL(), "a/b/C.class"));
    }

    @Test
    void thisModulesOwnClassesAreFound() {
        Path root = ClassPathJars.rootOf("dev/racelock/junit/TestFindings.class");
        assertTrue(Files.isRegularFile(root.resolve("dev/racelock/junit/TestFindings.class")), String.valueOf(root));
    }
}
