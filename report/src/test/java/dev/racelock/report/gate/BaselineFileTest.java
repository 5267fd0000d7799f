package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineFileTest {

    @TempDir
    Path dir;

    @Test
    void acceptsTheFindingsItWasWrittenFrom() throws Exception {
        Finding race = GateFindings.race("com.acme.Counter", "hits", "increment", "com.acme.Main.run");
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(file, Baseline.ofFindings(List.of(race)));

        Baseline read = BaselineFile.read(file);

        assertTrue(read.accepts(race));
        assertFalse(read.accepts(GateFindings.deadlock("com.acme.Bank", "transfer")));
    }

    @Test
    void writesEntriesSortedByFingerprintOnePerLine() throws Exception {
        Finding b = GateFindings.race("com.acme.B", "x", "m", "com.acme.Main.run");
        Finding a = GateFindings.race("com.acme.A", "x", "m", "com.acme.Main.run");
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(file, Baseline.ofFindings(List.of(b, a)));

        List<String> lines = Files.readAllLines(file);

        assertEquals("{", lines.get(0));
        assertEquals("  \"racelock-baseline\": 1,", lines.get(1));
        assertTrue(lines.get(3).contains("\"race:com.acme.A.x\""), lines.get(3));
        assertTrue(lines.get(4).contains("\"race:com.acme.B.x\""), lines.get(4));
    }

    @Test
    void emptyBaselineRoundTrips() throws Exception {
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(file, Baseline.EMPTY);
        assertEquals(0, BaselineFile.read(file).size());
    }

    @Test
    void quotesTitlesWithSpecialCharacters() throws Exception {
        Path file = dir.resolve("baseline.json");
        BaselineFile.write(file, Baseline.of(List.of(new BaselineEntry("f\"1", "data-race", "a \\ b\n"))));
        BaselineEntry entry = BaselineFile.read(file).entries().iterator().next();
        assertEquals("f\"1", entry.fingerprint());
        assertEquals("a \\ b\n", entry.title());
    }

    @Test
    void missingFileIsAConfigurationErrorNamingIt() {
        Path file = dir.resolve("nope.json");
        GateConfigException e = assertThrows(GateConfigException.class, () -> BaselineFile.read(file));
        assertEquals("baseline " + file + " does not exist", e.getMessage());
    }

    @Test
    void malformedJsonIsAConfigurationErrorWithTheLine() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\n \"racelock-baseline\": 1,\n \"fingerprints\": [ {\"fingerprint\": } ]\n}");
        GateConfigException e = assertThrows(GateConfigException.class, () -> BaselineFile.read(file));
        assertTrue(e.getMessage().startsWith("baseline " + file + " is not a racelock baseline: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("at line 3"), e.getMessage());
    }

    @Test
    void newerVersionIsRejected() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"racelock-baseline\": 2, \"fingerprints\": []}");
        GateConfigException e = assertThrows(GateConfigException.class, () -> BaselineFile.read(file));
        assertTrue(e.getMessage().contains("version 2 is not supported"), e.getMessage());
    }

    @Test
    void otherJsonIsRejected() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"findings\": []}");
        GateConfigException e = assertThrows(GateConfigException.class, () -> BaselineFile.read(file));
        assertTrue(e.getMessage().contains("no \"racelock-baseline\" version number"), e.getMessage());
    }
}
