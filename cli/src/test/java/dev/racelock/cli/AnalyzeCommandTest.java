package dev.racelock.cli;

import dev.racelock.trace.TraceFormatException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeCommandTest extends CannedAnalysisTest {

    @Test
    void exitsZeroWithoutFindings() {
        CliHarness.Outcome o = cli.returning(Findings.result()).run("analyze", trace.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        assertEquals("[text] end\n", o.out());
        assertEquals("", o.err(), "the text report on stdout has the summary");
        assertEquals(List.of(List.of(trace)), cli.analyzed);
    }

    @Test
    void exitsOneOnFindingsAndReportsThemAsTextOnStdout() {
        CliHarness.Outcome o = cli.returning(Findings.result(Findings.race("Counter", "hits"))).run("analyze",
                trace.toString());
        assertEquals(ExitCodes.FINDINGS, o.exitCode());
        assertTrue(o.out().startsWith("[text] DATA RACE on Counter.hits\n"), o.out());
    }

    @Test
    void summaryGoesToStderrWhenNoTextReportIsOnStdout() throws Exception {
        CliHarness.Outcome o = cli.returning(Findings.result(Findings.race("Counter", "hits"))).run("analyze",
                "-o", dir.resolve("r.json").toString(), trace.toString());
        assertEquals("racelock: 1 finding in 1 trace (1000 events); 1 fails the run (exit 1)\n", o.err());
    }

    @Test
    void unknownOptionIsAUsageErrorInOneLineWithAHint() {
        CliHarness.Outcome o = cli.run("analyze", "--formt", "json", trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().startsWith("racelock: Unknown option: '--formt'"), o.err());
        assertTrue(o.err().contains("--format"), "suggests the near miss: " + o.err());
        assertTrue(o.err().contains("Try 'racelock analyze --help' for more information."), o.err());
        assertFalse(o.err().contains("Usage:"), "no usage dump: " + o.err());
        assertTrue(cli.analyzed.isEmpty());
    }

    @Test
    void missingCommandAndMissingTraceAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, cli.run().exitCode());
        CliHarness.Outcome o = cli.run("analyze");
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().contains("Missing required parameter"), o.err());
    }

    @Test
    void unknownFormatIsAUsageErrorNamingTheAcceptedValues() {
        CliHarness.Outcome o = cli.run("analyze", "--format", "pdf", trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().contains("unknown format 'pdf' (expected text, json, sarif, junit or html)"), o.err());
    }

    @Test
    void traceThatDoesNotExistExitsThree() {
        CliHarness.Outcome o = cli.run("analyze", dir.resolve("nope.rlt").toString());
        assertEquals(ExitCodes.TRACE_UNREADABLE, o.exitCode());
        assertEquals("racelock: cannot read trace " + dir.resolve("nope.rlt") + ": no such file\n", o.err());
    }

    @Test
    void unreadableTraceExitsThreeWithTheReadersMessageAndNoStackTrace() {
        cli.analyzingWith((traces, progress) -> {
            throw new TraceFormatException(traces.get(0) + " is not a racelock trace (no magic number)");
        });
        CliHarness.Outcome o = cli.run("analyze", trace.toString());
        assertEquals(ExitCodes.TRACE_UNREADABLE, o.exitCode());
        assertEquals("racelock: " + trace + " is not a racelock trace (no magic number)\n", o.err());
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorInOneLineWithItsStackTraceInAFile() throws Exception {
        cli.analyzingWith((traces, progress) -> {
            throw new IllegalStateException("bug");
        });
        CliHarness.Outcome o = cli.run("analyze", trace.toString());
        assertEquals(ExitCodes.INTERNAL_ERROR, o.exitCode());
        String prefix = "racelock: internal error (a bug in racelock): java.lang.IllegalStateException: bug; please report it with ";
        assertTrue(o.err().startsWith(prefix) && o.err().indexOf('\n') == o.err().length() - 1, o.err());
        Path details = Path.of(o.err().substring(prefix.length()).strip());
        assertTrue(Files.readString(details).contains("\tat "), "the stack trace is in " + details);
        Files.delete(details);
    }

    @Test
    void directoryStandsForEveryTraceInItSorted() throws Exception {
        Path traces = Files.createDirectory(dir.resolve("traces"));
        Path b = Files.writeString(traces.resolve("racelock-2.rlt"), "b");
        Path a = Files.writeString(traces.resolve("racelock-1.rlt"), "a");
        Files.writeString(traces.resolve("racelock-2.std.sites"), "site table, read with its trace");
        assertEquals(ExitCodes.CLEAN, cli.run("analyze", traces.toString()).exitCode());
        assertEquals(List.of(List.of(a, b)), cli.analyzed);
    }

    @Test
    void failOnSelectsTheCategoriesThatFail() {
        cli.returning(Findings.result(Findings.race("Counter", "hits")));
        assertEquals(ExitCodes.CLEAN, cli.run("analyze", "--fail-on", "deadlock", trace.toString()).exitCode());
        assertEquals(ExitCodes.FINDINGS, cli.run("analyze", "--fail-on", "race", trace.toString()).exitCode());
        assertEquals(ExitCodes.FINDINGS, cli.run("analyze", "--fail-on", "deadlock,race", trace.toString()).exitCode());
        CliHarness.Outcome none = cli.run("analyze", "--fail-on", "none", trace.toString());
        assertEquals(ExitCodes.CLEAN, none.exitCode());
        assertTrue(none.out().contains("DATA RACE on Counter.hits"), "still reported: " + none.out());
    }

    @Test
    void failOnFindingTypesGatesOnTheSoundDeadlocksOnly() {
        String sound = "race,predicted-deadlock,observed-deadlock";
        cli.returning(Findings.result(Findings.deadlock("Bank")));
        assertEquals(ExitCodes.CLEAN, cli.run("analyze", "--fail-on", sound, trace.toString()).exitCode());
        assertEquals(ExitCodes.FINDINGS, cli.run("analyze", "--fail-on", "deadlock", trace.toString()).exitCode());
        cli.returning(Findings.result(Findings.predictedDeadlock("Bank")));
        assertEquals(ExitCodes.FINDINGS, cli.run("analyze", "--fail-on", sound, trace.toString()).exitCode());
        assertEquals(ExitCodes.FINDINGS, cli.run("analyze", "--fail-on", "deadlock", trace.toString()).exitCode());
        assertEquals(ExitCodes.CLEAN, cli.run("analyze", "--fail-on", "data-race", trace.toString()).exitCode());
    }

    @Test
    void failOnUnknownCategoryIsAUsageError() {
        CliHarness.Outcome o = cli.run("analyze", "--fail-on", "races", trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().contains("unknown category 'races' (expected race, deadlock, data-race, predicted-race, predicted-deadlock, observed-deadlock or none)"), o.err());
    }

    @Test
    void maxFindingsReportsAtMostNAndSaysHowManyWereLeftOut() {
        cli.returning(Findings.result(Findings.race("A", "x"), Findings.race("B", "y"), Findings.deadlock("C")));
        CliHarness.Outcome o = cli.run("analyze", "--max-findings", "1", trace.toString());
        assertEquals(ExitCodes.FINDINGS, o.exitCode());
        assertEquals("""
                [text] DATA RACE on A.x
                [text] warning: 2 more findings were left out of this report (--max-findings 1)
                [text] end
                """, o.out());

    }

    @Test
    void negativeMaxFindingsIsAUsageError() {
        CliHarness.Outcome o = cli.run("analyze", "--max-findings", "-1", trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: --max-findings must be 0 or more, not -1\n", o.err());
    }

    @Test
    void outputFormatFollowsTheFileExtension() throws Exception {
        cli.returning(Findings.result(Findings.race("Counter", "hits")));
        Path sarif = dir.resolve("r.sarif");
        Path junit = dir.resolve("r.xml");
        CliHarness.Outcome o = cli.run("analyze", "-o", sarif.toString(), "-o", junit.toString(), trace.toString());
        assertEquals(ExitCodes.FINDINGS, o.exitCode());
        assertEquals("", o.out(), "nothing on stdout when every report goes to a file");
        assertTrue(Files.readString(sarif).startsWith("[sarif] DATA RACE"));
        assertTrue(Files.readString(junit).startsWith("[junit] DATA RACE"));
    }

    @Test
    void formatsPairWithOutputsInOrderAndTheRestGoesToStdout() throws Exception {
        Path report = dir.resolve("report.out");
        CliHarness.Outcome o = cli.run("analyze", "--format", "json", "-o", report.toString(), "--format", "html",
                trace.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        assertEquals("[json] end\n", Files.readString(report));
        assertEquals("[html] end\n", o.out());
    }

    @Test
    void aFormatThatContradictsTheFilesExtensionIsRefused() {
        Path html = dir.resolve("report.html");
        CliHarness.Outcome o = cli.run("analyze", "-o", html.toString(), "--format", "text", trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: -o " + html + " is named for html reports but gets --format text: name it *.txt, "
                + "or change or drop --format\n", o.err());
        assertFalse(Files.exists(html));
        assertTrue(cli.analyzed.isEmpty(), "refused before any analysis");
    }

    @Test
    void sarifMayGoToAJsonFile() throws Exception {
        Path json = dir.resolve("results.json");
        CliHarness.Outcome o = cli.run("analyze", "-o", json.toString(), "--format", "sarif", trace.toString());
        assertEquals(ExitCodes.CLEAN, o.exitCode(), o.err());
        assertEquals("[sarif] end\n", Files.readString(json));
    }

    @Test
    void outputWithoutKnownExtensionOrFormatIsAUsageError() {
        CliHarness.Outcome o = cli.run("analyze", "-o", dir.resolve("report.out").toString(), trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().contains("cannot tell the report format of"), o.err());
    }

    @Test
    void twoReportsToStdoutAreAUsageError() {
        CliHarness.Outcome o = cli.run("analyze", "--format", "json", "--format", "sarif", trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: only one report can go to standard output; add -o FILE for --format sarif\n", o.err());
    }

    @Test
    void unwritableOutputIsAUsageErrorBeforeAnyAnalysis() {
        Path nowhere = dir.resolve("no-such-dir").resolve("r.json");
        CliHarness.Outcome o = cli.run("analyze", "-o", nowhere.toString(), trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: cannot write report " + nowhere + ": directory " + nowhere.getParent()
                + " does not exist\n", o.err());
        assertTrue(cli.analyzed.isEmpty(), "fails before analyzing");
    }

    @Test
    void outputThatIsADirectoryIsAUsageError() {
        CliHarness.Outcome o = cli.run("analyze", "--format", "json", "-o", dir.toString(), trace.toString());
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertEquals("racelock: cannot write report " + dir + ": it is a directory\n", o.err());
    }

    @Test
    void quietLeavesStderrEmpty() {
        CliHarness.Outcome o = cli.returning(Findings.result(Findings.deadlock("Bank"))).run("analyze", "-q",
                "--format", "json", trace.toString());
        assertEquals(ExitCodes.FINDINGS, o.exitCode());
        assertEquals("", o.err());
    }
}
