package dev.racelock.agent.runtime;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.TraceReader;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TestMarkersTest {

    @TempDir
    Path dir;

    @AfterEach
    void stopRecording() {
        Recording.start(TraceOutput.NONE, false);
    }

    @Test
    void markersAndTheTestsNamesReachTheTraceOnTheCallingThread() throws IOException {
        Path file = dir.resolve("t.rlt");
        TraceWriter writer = TraceWriter.open(file, new TraceHeader(1, 1, 0, "17", "", "", true, true), 50);
        // the agent's default filters (repeats dropped, owned objects' accesses kept beside them)
        // sit between the hooks and the buffer: each must pass the markers through
        Recording.start(new WriterOutput(writer, file.toString(), System.err), true, true);

        int container = TestMarkers.testStarted("[class:ATest]", "com.acme.ATest", null, "ATest");
        int method = TestMarkers.testStarted("[class:ATest]/[method:racy()]", "com.acme.ATest", "racy", "racy()");
        assertEquals("com.acme.ATest.racy()", TestMarkers.latestRunning());
        assertEquals(file.toAbsolutePath().toString(), TestMarkers.traceFile());
        TestMarkers.testFinished(method);
        assertEquals("com.acme.ATest", TestMarkers.latestRunning());
        TestMarkers.testFinished(container);
        assertNull(TestMarkers.latestRunning());
        writer.close();

        List<String> seen = new ArrayList<>();
        TraceReader.read(file, new EventVisitor() {
            @Override public void testCase(TestCaseInfo test) { seen.add("test " + test); }
            @Override public void testStart(int thread, int test) { seen.add("T" + thread + " start " + test); }
            @Override public void testEnd(int thread, int test) { seen.add("T" + thread + " end " + test); }
        });
        assertEquals(List.of(
                "test " + new TestCaseInfo(container, "[class:ATest]", "com.acme.ATest", null, "ATest"),
                "test " + new TestCaseInfo(method, "[class:ATest]/[method:racy()]", "com.acme.ATest", "racy", "racy()"),
                "T0 start " + container, "T0 start " + method, "T0 end " + method, "T0 end " + container), seen);
    }

    @Test
    void withoutARecordingNothingIsWrittenAndNothingFails() {
        int id = TestMarkers.testStarted("u", null, null, "dynamic");
        TestMarkers.testFinished(id);
        TestMarkers.flush();
        assertNull(TestMarkers.traceFile());
    }
}
