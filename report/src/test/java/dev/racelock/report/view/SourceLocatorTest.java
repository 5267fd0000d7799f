package dev.racelock.report.view;

import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.report.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SourceLocatorTest {

    @TempDir
    Path project;

    private void create(String path) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class X {}\n");
    }

    @Test
    void findsTestSourcesUnderTheMavenTestRoot() throws IOException {
        create("src/test/java/com/acme/CounterTest.java");
        SourceLocator locator = new SourceLocator(project, ReportOptions.MAVEN_SOURCE_ROOTS);
        assertEquals("src/test/java/com/acme/CounterTest.java",
                locator.uri(new SourceSite("com.acme.CounterTest", "races", "CounterTest.java", 3)));
    }

    @Test
    void usesTheRecordedFileNameForClassesDeclaredInAnotherFile() throws IOException {
        create("src/main/java/com/acme/Shapes.java");
        SourceLocator locator = new SourceLocator(project, ReportOptions.MAVEN_SOURCE_ROOTS);
        assertEquals("src/main/java/com/acme/Shapes.java",
                locator.uri(new SourceSite("com.acme.Circle", "area", "Shapes.java", 3)));
    }

    @Test
    void derivesTheFileOfANestedClassWithoutSourceFileAttribute() {
        SourceLocator locator = new SourceLocator(project, ReportOptions.MAVEN_SOURCE_ROOTS);
        assertEquals("com/acme/Outer.java", locator.uri(new SourceSite("com.acme.Outer$Inner", "run", null, -1)));
        assertEquals("Top.java", locator.uri(new SourceSite("Top", "run", null, -1)));
    }

    @Test
    void searchesConfiguredRootsOfAMultiModuleProject() throws IOException {
        create("core/src/main/java/com/acme/Counter.java");
        assertEquals("core/src/main/java/com/acme/Counter.java",
                new SourceLocator(project, List.of(Path.of("core/src/main/java"))).uri(new SourceSite("com.acme.Counter", "inc", "Counter.java", 1)));
    }

    @Test
    void hasNoUriForAnUnknownSite() {
        assertNull(new SourceLocator(project, ReportOptions.MAVEN_SOURCE_ROOTS).uri(null));
    }
}
