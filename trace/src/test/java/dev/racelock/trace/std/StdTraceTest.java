package dev.racelock.trace.std;

import dev.racelock.trace.EventLog;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.files.TraceConversions;
import dev.racelock.trace.files.TraceFiles;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StdTraceTest {

    private static final String SMALL = String.join("\n",
            "T0|begin()|-1",
            "T0|w(V1)|12",
            "T0|fork(T1)|13",
            "T1|begin()|-1",
            "T1|req(L0)|20",
            "T1|acq(L0)|20",
            "T1|r(V1)|21",
            "T1|w(V2)|22",
            "T1|rel(L0)|23",
            "T1|vw(flag)|24",
            "T1|hbr(q)|25",
            "T1|enter(run)|26",
            "T1|exit()|-1",
            "T1|end()|-1",
            "T0|vr(flag)|30",
            "T0|hba(q)|31",
            "T0|join(T1)|32",
            "T0|acq(L0)|33",
            "T0|w(V2)|34",
            "T0|rel(L0)|35",
            "") ;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static EventLog read(Path file) throws IOException {
        return read(file, new EventLog());
    }

    private static EventLog read(Path file, EventLog log) throws IOException {
        TraceFiles.read(file, log, ReadProgress.NONE);
        return log;
    }

    @Test
    void importMapsNamesToDenseIdsAndEveryOperationToItsEvent() throws IOException {
        EventLog log = read(write("small.std", SMALL));
        assertEquals(List.of(
                "T0 begin", "T0 write 0.0 @12", "T0 start T1 @13", "T1 begin",
                "T1 request 1 @20 f0", "T1 acquire 1 @20 f0", "T1 read 0.0 @21", "T1 write 0.1 @22",
                "T1 release 1 @23 f0", "T1 vwrite 0.2 @24", "T1 hbrelease 1 @25", "T1 enter m1 @26", "T1 exit",
                "T1 end", "T0 vread 0.2 @30", "T0 hbacquire 1 @31", "T0 join T1 @32", "T0 acquire 1 @33 f0",
                "T0 write 0.1 @34", "T0 release 1 @35 f0"), log.events());
        assertTrue(log.lines.contains("thread " + new ThreadInfo(1, "T1", 0, 13, false)));
        assertTrue(log.lines.contains("field " + new FieldInfo(2, "std", "flag", "I", true, true)));
        assertTrue(log.lines.contains("object " + new ObjectInfo(1, "std.Lock", -1, -1)));
        assertTrue(log.lines.contains("site " + new SiteInfo(12, 0, 12)));
        assertTrue(log.lines.indexOf("site " + new SiteInfo(12, 0, 12)) < log.lines.indexOf("T0 write 0.0 @12"));
        assertEquals(new TraceEnd(20, true, null), log.end);
    }

    @Test
    void importGivesTheSameEventsAsTheBinaryRoundTripOfThoseEvents() throws IOException {
        Path std = write("small.std", SMALL);
        Path binary = dir.resolve("small.rlt");
        TraceConversions.toBinary(std, binary);
        // format 2 keeps a stack only where an event was recorded in it: compare stacks at events
        EventLog fromStd = read(std, EventLog.withStacks());
        EventLog fromBinary = read(binary, EventLog.withStacks());
        assertEquals(fromStd.events(), fromBinary.events());
        assertEquals(dictionary(fromStd), dictionary(fromBinary));
        assertTrue(fromBinary.end.complete());
    }

    private static List<String> dictionary(EventLog log) {
        return log.lines.stream().filter(l -> !EventLog.isEvent(l)).sorted().toList();
    }

    @Test
    void crlfLineEndsAndBlankLinesAreAccepted() throws IOException {
        EventLog log = read(write("crlf.std", "\r\nT0|w(x)|1\r\n\r\n   \r\nT0|r(x)|2\r\nT1|acq(m)|3"));
        assertEquals(List.of("T0 write 0.0 @1", "T0 read 0.0 @2", "T1 acquire 1 @3 f0"), log.events());
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws IOException {
        Path file = write("bad.std", "T0|w(V1)|12\n\nT0|x(V1)|13\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> read(file));
        assertEquals(file + ":3: malformed STD line: unknown operation \"x\"", e.getMessage());
        Path noLocation = write("bad2.std", "T0|w(V1)|twelve\n");
        e = assertThrows(TraceFormatException.class, () -> read(noLocation));
        assertEquals(noLocation + ":1: malformed STD line: location \"twelve\" is not an integer", e.getMessage());
        Path fields = write("bad3.std", "T0|w(V1)\n");
        e = assertThrows(TraceFormatException.class, () -> read(fields));
        assertEquals(fields + ":1: malformed STD line: expected thread|operation(target)|location", e.getMessage());
    }

    @Test
    void exportWritesStandardOperationsOnlyAndASiteTable() throws IOException {
        Path binary = dir.resolve("t.rlt");
        writeSampleBinary(binary);
        Path std = dir.resolve("t.std");
        TraceConversions.toStd(binary, std);
        assertEquals(List.of(
                "T0|fork(T1)|3",
                "T0|w(V0)|4",
                "T0|acq(L0)|5",          // volatile write: a lock of its own
                "T0|rel(L0)|5",
                "T1|acq(L0)|6",          // volatile read of the same location
                "T1|rel(L0)|6",
                "T1|r(V0)|7",
                "T1|acq(L1)|8",
                "T1|w(V1)|9",
                "T1|w(V2)|9",
                "T1|r(V3)|9",
                "T1|rel(L1)|8",
                "T0|join(T1)|3"), Files.readAllLines(std));
        assertEquals(List.of("3\tcom.acme.Main.main(Main.java:30)", "4\tcom.acme.Main.main(Main.java:31)"),
                Files.readAllLines(dir.resolve("t.std.sites")).subList(0, 2));
    }

    @Test
    void aForkedThreadsFirstAccessStaysAfterItsForkThroughABinaryConversion() throws IOException {
        // STD has no begin op: the binary trace must still place T1's write after the fork.
        Path std = write("fj.std", "T0|w(V0)|1\nT0|fork(T1)|2\nT1|w(V0)|3\nT0|join(T1)|4\n");
        Path binary = dir.resolve("fj.rlt");
        TraceConversions.toBinary(std, binary);
        List<String> events = read(binary).lines.stream()
                .filter(l -> l.startsWith("T")).toList();
        int fork = indexOfPrefix(events, "T0 start T1");
        int childWrite = indexOfPrefix(events, "T1 write");
        int join = indexOfPrefix(events, "T0 join T1");
        assertTrue(fork >= 0 && fork < childWrite && childWrite < join, events.toString());
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anExportReadsBackToTheSameStandardEvents() throws IOException {
        Path binary = dir.resolve("t.rlt");
        writeSampleBinary(binary);
        Path first = dir.resolve("first.std");
        TraceConversions.toStd(binary, first, true);
        Path second = dir.resolve("second.std");
        TraceConversions.toStd(first, second, true);
        assertEquals(Files.readAllLines(first), Files.readAllLines(second));
        assertTrue(Files.readString(first).contains("|vw(V"), "extensions written");
    }

    @Test
    void anExportWithExtensionsWritesAFormat2TracesStacksAsEntersAndExits() throws IOException {
        Path binary = dir.resolve("stacks.rlt");
        try (TraceWriter writer = TraceWriter.open(binary, new TraceHeader(2, 1, 0, "17", "Main", "", true, true), 50)) {
            ThreadEventBuffer main = writer.newThreadBuffer(0);
            main.methodEnter(0, -1);
            main.methodEnter(1, 3);
            main.write(100, 1, 4);
            main.methodExit();
            main.methodEnter(2, 5);
            main.read(100, 1, 6);
        }
        Path std = dir.resolve("stacks.std");
        TraceConversions.toStd(binary, std, true);
        assertEquals(List.of("T0|enter(M0)|-1", "T0|enter(M1)|3", "T0|w(V0)|4", "T0|exit()|-1", "T0|enter(M2)|5",
                "T0|r(V0)|6"), Files.readAllLines(std));
    }

    @Test
    void anImportNamesItsLocationsWithTheSiteTableBesideIt() throws IOException {
        Path binary = dir.resolve("t.rlt");
        writeSampleBinary(binary);
        Path std = dir.resolve("t.std");
        TraceConversions.toStd(binary, std);
        EventLog log = read(std);
        assertTrue(log.lines.contains("method " + new dev.racelock.trace.MethodInfo(1, "com.acme.Main", "main", "",
                "Main.java")), log.lines.toString());
        assertTrue(log.lines.contains("site " + new SiteInfo(3, 1, 30)), log.lines.toString());
        assertTrue(log.lines.contains("site " + new SiteInfo(5, 0, 5)), "a site the table lacks stays synthetic");
    }

    @Test
    void aMalformedSiteTableLineNamesItsFileAndLine() throws IOException {
        Path std = write("x.std", "T0|w(V1)|12\n");
        Path table = write("x.std.sites", "12\tcom.acme.A.run(A.java:3)\nnonsense\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> read(std));
        assertEquals(table + ":2: malformed site table line: expected id<TAB>class.method(File.java:line)",
                e.getMessage());
    }

    @Test
    void traceFilesTellsTheKindsApart() throws IOException {
        Path binary = dir.resolve("t.rlt");
        writeSampleBinary(binary);
        assertTrue(read(binary).end.complete());
        assertEquals(1, read(write("noext", "T0|w(V1)|12\n")).events().size());
        Path neither = write("notes.txt", "hello\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> read(neither));
        assertEquals(neither + ": not a racelock trace (unknown file signature) and not an STD text trace", e.getMessage());
        Path empty = write("empty.std", "");
        e = assertThrows(TraceFormatException.class, () -> read(empty));
        assertEquals(empty + ": empty file, not a racelock trace", e.getMessage());
    }

    /** Main starts T1, which reads what main published through a volatile, under a lock. */
    private static void writeSampleBinary(Path file) throws IOException {
        TraceHeader header = new TraceHeader(1, 1, 0, "17", "Main", "", true, true);
        try (TraceWriter writer = TraceWriter.open(file, header, 50)) {
            writer.defineMethod(new dev.racelock.trace.MethodInfo(0, "com.acme.Main", "main", "([Ljava/lang/String;)V",
                    "Main.java"));
            writer.defineSite(new SiteInfo(3, 0, 30));
            writer.defineSite(new SiteInfo(4, 0, 31));
            ThreadEventBuffer main = writer.newThreadBuffer(0);
            ThreadEventBuffer worker = writer.newThreadBuffer(1);
            main.threadBegin();
            main.threadStart(1, 3);
            main.write(100, 1, 4);
            main.volatileWrite(100, 2, 5);
            worker.threadBegin();
            worker.volatileRead(100, 2, 6);
            worker.read(100, 1, 7);
            worker.lockAcquire(200, 8, LockFlags.MONITOR);
            worker.arrayRangeWrite(300, 0, 2, 9);
            worker.arrayRead(300, 5, 9);
            worker.lockRelease(200, 8, LockFlags.MONITOR);
            worker.threadEnd();
            main.threadJoin(1, 3);
            main.threadEnd();
        }
    }
}
