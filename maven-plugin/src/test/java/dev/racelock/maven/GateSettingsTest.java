package dev.racelock.maven;

import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.report.gate.GateConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GateSettingsTest {

    @TempDir
    Path dir;

    @Test
    void failOnNamesCategories() throws GateConfigException {
        assertEquals(EnumSet.allOf(FindingType.Category.class), GateSettings.categories("race, deadlock"));
        assertEquals(Set.of(FindingType.Category.DEADLOCK), GateSettings.categories("DEADLOCK"));
        assertEquals(Set.of(), GateSettings.categories("none"));
        GateConfigException e = assertThrows(GateConfigException.class, () -> GateSettings.categories("race,races"));
        assertEquals("failOn has 'races'; accepted: race, deadlock, none (comma-separated)", e.getMessage());
    }

    @Test
    void aBrokenSuppressionFileNamesItsLine() throws IOException {
        Path rules = dir.resolve("suppressions.txt");
        Files.writeString(rules, "# fine\ndata-race class=com.acme.Stats\n");
        GateConfigException e = assertThrows(GateConfigException.class,
                () -> GateSettings.gate(null, List.of(rules), "race"));
        assertEquals(rules + ":2: suppression has no reason (add reason=<why this is acceptable>)", e.getMessage());
    }
}
