package dev.racelock.cli;

import dev.racelock.report.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code analyze} with the report module's renderers over canned findings. */
class RealReportsTest {

    @TempDir
    Path dir;
    Path trace;
    CliServices services;

    @BeforeEach
    void setUp() throws Exception {
        trace = Files.writeString(dir.resolve("t.rlt"), "trace");
        services = Services.withRenderer(new CliHarness()
                .returning(Findings.result(Findings.race("Counter", "hits"), Findings.deadlock("Bank")))
                .services(), Reports::render);
    }

    @Test
    void textReportOnStdoutNamesEveryFindingWithoutColoursOffATerminal() {
        CliHarness.Outcome o = CliHarness.run(services, "analyze", trace.toString());
        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertTrue(o.out().contains("DATA RACE on Counter.hits"), o.out());
        assertTrue(o.out().contains("POTENTIAL DEADLOCK: lock-order cycle of 2 locks"), o.out());
        assertFalse(o.out().contains("\u001b["), "no ANSI escapes when stdout is not a terminal");
    }

    @Test
    void everyFormatIsWrittenToItsFile() throws Exception {
        String[] names = {"r.txt", "r.json", "r.sarif", "r.xml", "r.html"};
        String[] args = new String[3 + 2 * names.length];
        args[0] = "analyze";
        args[1] = "-q";
        for (int i = 0; i < names.length; i++) {
            args[2 + 2 * i] = "-o";
            args[3 + 2 * i] = dir.resolve(names[i]).toString();
        }
        args[args.length - 1] = trace.toString();

        CliHarness.Outcome o = CliHarness.run(services, args);

        assertEquals(ExitCodes.FINDINGS, o.exitCode(), o.err());
        assertEquals("", o.out());
        assertTrue(Files.readString(dir.resolve("r.txt")).contains("DATA RACE on Counter.hits"));
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"findings\""));
        assertTrue(Files.readString(dir.resolve("r.sarif")).contains("\"version\": \"2.1.0\"")
                || Files.readString(dir.resolve("r.sarif")).contains("\"version\":\"2.1.0\""));
        assertTrue(Files.readString(dir.resolve("r.xml")).contains("<testsuite"));
        assertTrue(Files.readString(dir.resolve("r.html")).contains("<html"));
    }

    @Test
    void leftOutFindingsAreNamedInTheReport() {
        CliHarness.Outcome o = CliHarness.run(services, "analyze", "--max-findings", "1", trace.toString());
        assertTrue(o.out().contains("racelock: warning: 1 more finding was left out of this report (--max-findings 1)"),
                o.out());
        assertFalse(o.out().contains("POTENTIAL DEADLOCK in Bank"), o.out());
    }
}
