package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.BinaryTraceExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerTest {

    @TempDir
    Path dir;

    /** A race on Counter.hits, an A/B lock inversion and an observed deadlock, with stacks. */
    static TraceScript buggyProgram() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int startSite = s.site("com.acme.Main", "main", 5);
        int w1 = s.thread("worker-1", main, startSite);
        int w2 = s.thread("worker-2", main, startSite);
        int run = s.method("com.acme.Worker", "run");
        int inc = s.site("com.acme.Counter", "increment", 12);
        int callInc = s.site("com.acme.Worker", "run", 30);
        int hits = s.field("com.acme.Counter", "hits", "I");
        long counter = s.object("com.acme.Counter");
        long a = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "a", "Ljava/lang/Object;"));
        long b = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "b", "Ljava/lang/Object;"));
        int la = s.site("com.acme.Bank", "transfer", 20);
        int lb = s.site("com.acme.Bank", "transfer", 21);
        s.start(main, w1, startSite).start(main, w2, startSite);
        for (int t : new int[] {w1, w2}) {
            s.enter(t, run, -1).enter(t, s.method("com.acme.Counter", "increment"), callInc)
                    .read(t, counter, hits, inc).write(t, counter, hits, inc).exit(t).exit(t);
        }
        s.lock(w1, a, la).lock(w1, b, lb).unlock(w1, b, lb).unlock(w1, a, la);
        s.lock(w2, b, la).lock(w2, a, lb).unlock(w2, a, lb).unlock(w2, b, la);
        s.observedDeadlock(new ObservedDeadlock(1, List.of(
                new ObservedDeadlock.BlockedThread(w1, "worker-1", b, "java.lang.Object", "worker-2",
                        List.of(new ObservedDeadlock.Frame("com.acme.Bank", "transfer", "Bank.java", 21))),
                new ObservedDeadlock.BlockedThread(w2, "worker-2", a, "java.lang.Object", "worker-1",
                        List.of(new ObservedDeadlock.Frame("com.acme.Bank", "transfer", "Bank.java", 21))))));
        s.end(w1).end(w2).join(main, w1, startSite).join(main, w2, startSite);
        return s;
    }

    /** Writes the script as a binary trace through the trace module's real writer. */
    static Path writeBinary(TraceScript script, Path file, boolean recordsMemory) {
        BinaryTraceExporter exporter = new BinaryTraceExporter(file);
        exporter.header(new TraceHeader(1, 4242, 1_700_000_000_000L, "17.0.15", "com.acme.Main",
                recordsMemory ? "" : "mode=locks", recordsMemory, true));
        script.replay(exporter);
        exporter.end(new TraceEnd(0, true, null));
        return file;
    }

    @Test
    void binaryTraceGivesTheFindingsOfTheDirectStream() throws IOException {
        TraceScript s = buggyProgram();
        Path file = writeBinary(s, dir.resolve("t.rlt"), true);
        AnalysisResult fromFile = Analyzer.analyze(List.of(file), null);
        AnalysisResult direct = s.analyze();
        assertEquals(direct.findings(), fromFile.findings());
        assertEquals(List.of(FindingType.DATA_RACE, FindingType.DEADLOCK, FindingType.OBSERVED_DEADLOCK),
                fromFile.findings().stream().map(Finding::type).toList());
        assertEquals(List.of(file.toString()), fromFile.traces());
        // the exporter begins main, which the script does not; each worker's two enters and two
        // exits are two context events in format 2 (one before its accesses, one before its locks)
        assertEquals(direct.events() + 1 - 8 + 4, fromFile.events());
        assertTrue(fromFile.warnings().isEmpty(), fromFile.warnings().toString());
        Finding race = fromFile.findings().get(0);
        assertEquals(RaceClassification.LOST_UPDATE, race.classification());
        assertEquals(2, race.accesses().get(0).stack().size());
    }

    @Test
    void mergesTheSameBugAcrossTraces() throws IOException {
        Path one = writeBinary(buggyProgram(), dir.resolve("t-1.rlt"), true);
        Path two = writeBinary(buggyProgram(), dir.resolve("t-2.rlt"), true);
        AnalysisResult single = Analyzer.analyze(List.of(one), null);
        AnalysisResult both = Analyzer.analyze(List.of(one, two), null);
        assertEquals(single.findings().size(), both.findings().size());
        for (int i = 0; i < single.findings().size(); i++) {
            assertEquals(single.findings().get(i).fingerprint(), both.findings().get(i).fingerprint());
            assertEquals(2 * single.findings().get(i).occurrences(), both.findings().get(i).occurrences());
        }
        assertEquals(2 * single.events(), both.events());
    }

    @Test
    void traceRecordedWithModeLocksReportsNoRaceAndSaysSo() throws IOException {
        Path file = writeBinary(buggyProgram(), dir.resolve("locks.rlt"), false);
        AnalysisResult r = Analyzer.analyze(List.of(file), null);
        assertTrue(r.findings().stream().noneMatch(f -> f.type() == FindingType.DATA_RACE));
        assertTrue(r.findings().stream().anyMatch(f -> f.type() == FindingType.DEADLOCK));
        assertEquals(List.of("races not analyzed: trace recorded with mode=locks"), r.warnings());
    }

    @Test
    void truncatedTraceIsAnalyzedUpToTheDamageWithAWarning() throws IOException {
        Path file = writeBinary(buggyProgram(), dir.resolve("cut.rlt"), true);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - 5);
        }
        AnalysisResult r = Analyzer.analyze(List.of(file), null);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void fileThatIsNotATraceIsAFormatError() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertThrows(TraceFormatException.class, () -> Analyzer.analyze(List.of(file), null));
    }
}
