package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traces in the STD text format of RAPID / RV-Predict go through the same analyses. */
class StdTraceAnalysisTest {

    @TempDir
    Path dir;

    private AnalysisResult analyze(String... lines) throws IOException {
        Path file = Files.write(dir.resolve("t.std"), List.of(lines));
        return Analyzer.analyze(List.of(file), null);
    }

    @Test
    void reportsUnorderedWritesAfterFork() throws IOException {
        AnalysisResult r = analyze(
                "T0|fork(T1)|1",
                "T0|w(V1)|2",
                "T1|w(V1)|3");
        List<Finding> races = TraceScript.ofType(r, FindingType.DATA_RACE);
        assertEquals(1, races.size());
        assertEquals("T0", races.get(0).accesses().get(0).thread().name());
        assertEquals(2, races.get(0).accesses().get(0).site().line());
        assertEquals("T1", races.get(0).accesses().get(1).thread().name());
        assertEquals(3, races.get(0).accesses().get(1).site().line());
    }

    @Test
    void lockForkAndJoinOrderAccesses() throws IOException {
        AnalysisResult r = analyze(
                "T0|w(V1)|1",
                "T0|fork(T1)|2",
                "T1|acq(L1)|3",
                "T1|w(V1)|4",
                "T1|rel(L1)|5",
                "T0|acq(L1)|6",
                "T0|r(V1)|7",
                "T0|rel(L1)|8",
                "T0|join(T1)|9",
                "T0|w(V1)|10");
        assertTrue(r.findings().isEmpty(), r.findings().toString());
        assertEquals(10, r.events());
    }

    @Test
    void reportsLockOrderInversionWithRequests() throws IOException {
        AnalysisResult r = analyze(
                "T0|fork(T1)|1",
                "T0|fork(T2)|1",
                "T1|req(L1)|10", "T1|acq(L1)|10", "T1|req(L2)|11", "T1|acq(L2)|11", "T1|rel(L2)|12", "T1|rel(L1)|13",
                "T2|req(L2)|20", "T2|acq(L2)|20", "T2|req(L1)|21", "T2|acq(L1)|21", "T2|rel(L1)|22", "T2|rel(L2)|23");
        List<Finding> deadlocks = TraceScript.ofType(r, FindingType.DEADLOCK);
        assertEquals(1, deadlocks.size());
        assertEquals(2, deadlocks.get(0).cycle().size());
    }
}
